package dev.failscope.ui.viewmodel;

import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Presentation mode: slides ({@link Beat}s) walked through with a presenter's keys, each putting its state on
 * the graph; and a blank screen. While active it owns the graph's overlay; leaving hands it back.
 */
public final class PresentationViewModel {
    private final GraphViewModel graph;
    private final ObservableList<Beat> beats = FXCollections.observableArrayList();
    private final ObservableList<Beat> beatsView = FXCollections.unmodifiableObservableList(beats);
    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(this, "index", 0);
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active");
    private final BooleanProperty blank = new SimpleBooleanProperty(this, "blank");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private Runnable onExit = () -> { };

    public PresentationViewModel(GraphViewModel graph) {
        this.graph = graph;
    }

    /** Starts presenting the slides (at least one); {@code onExit} restores what the graph showed before. */
    public void start(String newTitle, List<Beat> slides, Runnable restore) {
        if (slides.isEmpty()) {
            throw new IllegalArgumentException("nothing to present");
        }
        title.set(newTitle);
        beats.setAll(slides);
        onExit = restore;
        blank.set(false);
        index.set(0);
        active.set(true);
        show();
    }

    public void next() {
        go(index.get() + 1);
    }

    public void previous() {
        go(index.get() - 1);
    }

    public void first() {
        go(0);
    }

    public void last() {
        go(beats.size() - 1);
    }

    /** Moves to a slide (clamped); any key that moves also ends a blank screen. */
    public void go(int i) {
        if (!active.get()) {
            return;
        }
        blank.set(false);
        index.set(Math.max(0, Math.min(beats.size() - 1, i)));
        show();
    }

    public void toggleBlank() {
        blank.set(!blank.get());
    }

    public void exit() {
        if (!active.get()) {
            return;
        }
        active.set(false);
        blank.set(false);
        onExit.run();
    }

    private void show() {
        current().ifPresent(b -> graph.showOverlay(b.overlay()));
    }

    public Optional<Beat> current() {
        return beats.isEmpty() || !active.get() ? Optional.empty() : Optional.of(beats.get(index.get()));
    }

    public ObservableList<Beat> beats() {
        return beatsView;
    }

    public ReadOnlyIntegerProperty indexProperty() {
        return index.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    /** A black screen (B): the audience looks at the presenter, not the slide. */
    public BooleanProperty blankProperty() {
        return blank;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }
}
