package dev.failscope.scene;

import dev.failscope.layout.Box;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * What is drawn: groups of primitives in paint order, in layout coordinates, at one level of detail. Built by
 * {@link SceneBuilder} from the layout, the findings, the simulation state and the diff; the JavaFX canvas, the
 * Java2D (PNG, SVG) writer and the review page only translate it.
 *
 * @param detail the level of detail it was built at
 * @param bounds what "fit" shows: the layout's bounds grown by what the scene draws outside them (ghosts)
 * @param groups in paint order
 */
public record Scene(Detail detail, Box bounds, List<Group> groups) {
    public Scene {
        Objects.requireNonNull(detail);
        Objects.requireNonNull(bounds);
        groups = List.copyOf(groups);
    }

    public Stream<Group> groups(Layer layer) {
        return groups.stream().filter(g -> g.layer() == layer);
    }

    /** The groups about a named element (its own drawing, its state marks and change marks). */
    public Stream<Group> about(String name) {
        return groups.stream().filter(g -> g.name().equals(name));
    }

    /** Every text drawn for a named element, across its groups. */
    public List<String> texts(String name) {
        return about(name).flatMap(g -> g.texts().stream()).toList();
    }
}
