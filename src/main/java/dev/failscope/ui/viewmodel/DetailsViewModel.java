package dev.failscope.ui.viewmodel;

import dev.failscope.analysis.Inspection;
import dev.failscope.load.SourceFile;
import dev.failscope.model.Node;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** The details of the current selection; recomputed when the selection, focus or topology changes. */
public final class DetailsViewModel {
    private final MainViewModel main;
    private final ReadOnlyObjectWrapper<Optional<Details>> details =
            new ReadOnlyObjectWrapper<>(this, "details", Optional.empty());

    public DetailsViewModel(MainViewModel main) {
        this.main = main;
        main.selectionProperty().addListener((o, a, b) -> update());
        main.focusProperty().addListener((o, a, b) -> update());
        main.inspectionProperty().addListener((o, a, b) -> update());
        update();
    }

    private void update() {
        Node node = main.selectionProperty().get();
        Inspection inspection = main.inspectionProperty().get();
        if (inspection == null) {
            details.set(Optional.empty());
            return;
        }
        if (node == null || !inspection.topology().graph().containsVertex(node)) {
            details.set(Optional.ofNullable(main.focusProperty().get()).map(at -> sourceOnly(inspection, at)));
            return;
        }
        DetailsBuilder builder = new DetailsBuilder(inspection.topology(), inspection.findings(),
                file -> read(inspection, file));
        details.set(Optional.of(builder.build(node, main.focusProperty().get())));
    }

    /** A position with no element (a load error): just the file around the line. */
    private static Details sourceOnly(Inspection inspection, dev.failscope.model.SourcePosition at) {
        DetailsBuilder builder = new DetailsBuilder(inspection.topology(), List.of(), file -> read(inspection, file));
        return builder.source(at);
    }

    /** Reads a loaded file by its display path (small config files; a snippet is a few lines of one). */
    static Optional<List<String>> read(Inspection inspection, String displayPath) {
        Path path = inspection.load().files().stream().filter(f -> f.displayPath().equals(displayPath))
                .map(SourceFile::path).findFirst().orElse(Path.of(displayPath));
        try {
            return Optional.of(Files.readAllLines(path, StandardCharsets.UTF_8));
        } catch (IOException | java.nio.file.InvalidPathException e) {
            return Optional.empty(); // file gone or not text: the panel shows no snippet
        }
    }

    public ReadOnlyObjectProperty<Optional<Details>> detailsProperty() {
        return details.getReadOnlyProperty();
    }
}
