package dev.failscope.scene;

import java.util.List;
import java.util.Objects;

/**
 * The items that draw one thing, so a backend can name it (SVG groups, hit ids) and a test can find it.
 *
 * @param layer   where it sits in the paint order
 * @param element {@code n12} for the 13th of the layout's nodes, {@code e4} for the 5th edge, or "" for
 *                anything else (lanes, state marks, ghosts)
 * @param kind    what it is, as class words: {@code node cluster}, {@code edge failover}, {@code state failed},
 *                {@code change added}, {@code lane}
 * @param name    the element's name from the config ("" for lanes and bands)
 * @param mark    the state or change it shows ({@code failed}, {@code down}, {@code added}), or ""
 * @param items   the primitives, drawn in order
 */
public record Group(Layer layer, String element, String kind, String name, String mark, List<Item> items) {
    public Group {
        Objects.requireNonNull(layer);
        Objects.requireNonNull(element);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(name);
        Objects.requireNonNull(mark);
        items = List.copyOf(items);
    }

    /** The texts of this group, in order. */
    public List<String> texts() {
        return items.stream().filter(i -> i instanceof Item.Text).map(i -> ((Item.Text) i).text()).toList();
    }
}
