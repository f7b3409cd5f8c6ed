package dev.failscope.ui.viewmodel;

import dev.failscope.analysis.Inspection;
import dev.failscope.analysis.Inspector;
import dev.failscope.diff.Change;
import dev.failscope.diff.Comparison;
import dev.failscope.diff.Differ;
import dev.failscope.diff.GitSnapshot;
import dev.failscope.diff.ResilienceDelta;
import dev.failscope.diff.SimulatedPrimaryLoss;
import dev.failscope.layout.TopologyLayout;
import dev.failscope.load.LoadError;
import dev.failscope.load.TopologyLoader;
import dev.failscope.model.Finding;
import dev.failscope.model.Node;
import dev.failscope.model.SourcePosition;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Diff mode: the topology on screen compared with another version of it (a folder, or the same paths at a git
 * revision). The other side is read and compared on the background executor; results are applied on the UI
 * executor. While a comparison is shown, a reload of the topology on screen compares again with the same
 * other side; opening other paths ends the comparison.
 */
public final class DiffViewModel {
    private static final int RECENT_COMMITS = 15;

    private final MainViewModel main;
    private final Inspector inspector;
    private final TopologyLoader loader;
    private final Executor background;
    private final Executor ui;

    private final ReadOnlyObjectWrapper<Comparison> comparison = new ReadOnlyObjectWrapper<>(this, "comparison");
    private final ReadOnlyObjectWrapper<DiffOverlay> overlay =
            new ReadOnlyObjectWrapper<>(this, "overlay", DiffOverlay.NONE);
    private final ReadOnlyObjectWrapper<Base> base = new ReadOnlyObjectWrapper<>(this, "base");
    private final ObservableList<Change> changes = FXCollections.observableArrayList();
    private final ObservableList<Change> changesView = FXCollections.unmodifiableObservableList(changes);
    private final ObservableList<Line> summary = FXCollections.observableArrayList();
    private final ObservableList<Line> summaryView = FXCollections.unmodifiableObservableList(summary);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyObjectWrapper<Change> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final BooleanProperty introducedOnly = new SimpleBooleanProperty(this, "introducedOnly");
    private final ObjectBinding<Predicate<Finding>> findingsFilter;
    private final ReadOnlyObjectWrapper<Optional<Path>> repository =
            new ReadOnlyObjectWrapper<>(this, "repository", Optional.empty());
    private final ObservableList<GitRevisions.Revision> revisions = FXCollections.observableArrayList();
    private final ObservableList<GitRevisions.Revision> revisionsView =
            FXCollections.unmodifiableObservableList(revisions);
    private Inspection beforeSide;
    private List<String> comparedPaths = List.of();
    private long generation;

    public DiffViewModel(MainViewModel main, Executor background, Executor ui) {
        this(main, new Inspector(), new TopologyLoader(), background, ui);
    }

    public DiffViewModel(MainViewModel main, Inspector inspector, TopologyLoader loader, Executor background,
                         Executor ui) {
        this.main = Objects.requireNonNull(main);
        this.inspector = Objects.requireNonNull(inspector);
        this.loader = Objects.requireNonNull(loader);
        this.background = Objects.requireNonNull(background);
        this.ui = Objects.requireNonNull(ui);
        findingsFilter = Bindings.createObjectBinding(this::filter, comparison, introducedOnly);
        main.inspectionProperty().addListener((o, a, now) -> afterChanged(now));
    }

    /** The other side of the comparison: what the topology on screen is compared with. */
    public sealed interface Base permits Folder, Revision {
        /** Words for people: the folder, or "git REV". */
        String label();
    }

    /** Another folder (or set of files) as the before side. */
    public record Folder(List<String> paths) implements Base {
        public Folder {
            paths = List.copyOf(paths);
        }

        @Override
        public String label() {
            return String.join(", ", paths);
        }
    }

    /** The paths on screen as they were at a git revision. */
    public record Revision(String revision) implements Base {
        public Revision {
            Objects.requireNonNull(revision, "revision");
        }

        @Override
        public String label() {
            return "git " + revision;
        }
    }

    /** A line at the top of the changes panel: the story and the resilience delta. */
    public record Line(Tone tone, String text) {
        public String shown() {
            return tone.icon() + " " + text;
        }
    }

    /** Whether a line reports a regression, an improvement, or neither; each with its own icon. */
    public enum Tone {
        BAD("✖"), GOOD("✔"), INFO("•");

        private final String icon;

        Tone(String icon) {
            this.icon = icon;
        }

        public String icon() {
            return icon;
        }
    }

    /** Compares the topology on screen (the after side) with {@code other} in the background. */
    public void compare(Base other) {
        Objects.requireNonNull(other);
        Inspection after = main.inspectionProperty().get();
        if (after == null) {
            main.say("Open a topology first, then compare it with another version");
            return;
        }
        List<String> paths = main.pathsProperty().get();
        long ticket = ++generation;
        busy.set(true);
        main.say("Comparing with " + other.label() + " …");
        background.execute(() -> {
            Outcome outcome;
            try {
                Inspection before = readBefore(other, paths);
                outcome = before.hasLoadErrors() ? Outcome.failed(before.errors()) : compute(other, before, after);
            } catch (RuntimeException bug) {
                bug.printStackTrace();
                outcome = Outcome.failed(List.of(new LoadError("internal error while comparing: " + bug
                        + " (please report it)", SourcePosition.ofFile(other.label()))));
            }
            Outcome done = outcome;
            ui.execute(() -> apply(ticket, other, paths, done));
        });
    }

    /** Leaves diff mode: the graph and panels show the topology on screen alone again. */
    public void clear() {
        generation++;
        busy.set(false);
        beforeSide = null;
        comparedPaths = List.of();
        selected.set(null);
        changes.clear();
        summary.clear();
        introducedOnly.set(false);
        overlay.set(DiffOverlay.NONE);
        base.set(null);
        comparison.set(null);
    }

    /**
     * Selects a change: the element it concerns on screen is selected (for a relation, the candidate, replica
     * or service), and the details panel shows the after-side line when there is one.
     */
    public void select(Change change) {
        selected.set(change);
        if (change == null) {
            return;
        }
        Node target = focusNode(change);
        Optional<Node> onScreen = main.topology().node(target.kind(), target.name())
                .filter(main.topology().graph()::containsVertex);
        main.select(onScreen.orElse(null));
        change.afterPosition().ifPresent(main::focus);
    }

    /** The vertex a change is shown on: the other end of a candidate or replica relation, else its subject. */
    public static Node focusNode(Change change) {
        return switch (change.element()) {
            case FAILOVER_CANDIDATE, REPLICATION -> change.edge().map(Change.EdgeRef::to).orElse(change.node());
            default -> change.node();
        };
    }

    /** Finds whether the paths on screen are in a git work tree and lists its branches and recent commits. */
    public void loadRevisions() {
        List<String> paths = main.pathsProperty().get();
        background.execute(() -> {
            Optional<Path> repo = GitRevisions.repository(paths);
            List<GitRevisions.Revision> found = repo.map(dir -> GitRevisions.recent(dir, RECENT_COMMITS))
                    .orElse(List.of());
            ui.execute(() -> {
                repository.set(repo);
                revisions.setAll(found);
            });
        });
    }

    private Inspection readBefore(Base other, List<String> paths) {
        if (other instanceof Folder f) {
            return inspector.inspect(f.paths());
        }
        Revision r = (Revision) other;
        try (GitSnapshot snapshot = GitSnapshot.extract(r.revision(), paths)) {
            return inspector.analyse(snapshot.load(loader));
        } catch (IOException e) {
            String where = paths.isEmpty() ? "." : paths.get(0);
            return inspector.analyse(loader.loadFiles(List.of(), List.of(new LoadError(
                    "could not read " + r.label() + ": " + e.getMessage(), SourcePosition.ofFile(where)))));
        }
    }

    private Outcome compute(Base other, Inspection before, Inspection after) {
        Comparison c = new Differ(inspector, new SimulatedPrimaryLoss()).compare(before, after);
        DiffOverlay o = DiffOverlayBuilder.build(c, other.label(), TopologyLayout.layout(before.topology()));
        return new Outcome(before, c, o, List.of());
    }

    private void apply(long ticket, Base other, List<String> paths, Outcome outcome) {
        if (ticket != generation) {
            return; // cleared, or a newer comparison was started
        }
        busy.set(false);
        if (!outcome.errors().isEmpty()) {
            // say which side they come from: the bar also shows the loaded topology's own errors
            main.reportErrors(outcome.errors().stream().map(e -> new LoadError("(before side, " + other.label()
                    + ") " + e.message(), e.position())).toList(), "Could not compare with " + other.label() + ": "
                    + count(outcome.errors().size(), "load error") + " on that side");
            return;
        }
        beforeSide = outcome.before();
        comparedPaths = paths;
        Comparison c = outcome.comparison();
        Change keep = selected.get();
        base.set(other);
        changes.setAll(c.changes());
        summary.setAll(lines(c, other));
        overlay.set(outcome.overlay());
        comparison.set(c);
        selected.set(keep != null && c.changes().contains(keep) ? keep : null);
        main.say(headline(c, other));
    }

    /** The topology on screen was reloaded or replaced: compare again, or leave diff mode for other paths. */
    private void afterChanged(Inspection now) {
        if (now == null || beforeSide == null || busy.get()) {
            return;
        }
        if (!main.pathsProperty().get().equals(comparedPaths)) {
            clear();
            return;
        }
        Inspection before = beforeSide;
        Base other = base.get();
        List<String> paths = comparedPaths;
        long ticket = ++generation;
        busy.set(true);
        background.execute(() -> {
            Outcome outcome = compute(other, before, now);
            ui.execute(() -> apply(ticket, other, paths, outcome));
        });
    }

    static String headline(Comparison c, Base other) {
        return "Compared with " + other.label() + ": " + count(c.changes().size(), "change") + "; findings "
                + c.findings().introduced().size() + " introduced, " + c.findings().resolved().size()
                + " resolved, " + c.findings().unchanged().size() + " unchanged";
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    static List<Line> lines(Comparison c, Base other) {
        List<Line> out = new ArrayList<>();
        for (String s : c.story()) {
            out.add(new Line(Tone.BAD, s));
        }
        for (ResilienceDelta d : c.resilience()) {
            Tone tone = d.regressed() ? Tone.BAD : d.improved() ? Tone.GOOD : Tone.INFO;
            out.add(new Line(tone, d.describe()));
        }
        return out;
    }

    private Predicate<Finding> filter() {
        Comparison c = comparison.get();
        if (c == null || !introducedOnly.get()) {
            return null;
        }
        Set<Finding> introduced = new HashSet<>(c.findings().introduced());
        return introduced::contains;
    }

    private record Outcome(Inspection before, Comparison comparison, DiffOverlay overlay, List<LoadError> errors) {
        static Outcome failed(List<LoadError> errors) {
            return new Outcome(null, null, DiffOverlay.NONE, List.copyOf(errors));
        }
    }

    public ReadOnlyObjectProperty<Comparison> comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DiffOverlay> overlayProperty() {
        return overlay.getReadOnlyProperty();
    }

    /** What the topology on screen is compared with, or null outside diff mode. */
    public ReadOnlyObjectProperty<Base> baseProperty() {
        return base.getReadOnlyProperty();
    }

    /** The semantic changes, in report order. */
    public ObservableList<Change> changes() {
        return changesView;
    }

    /** The story of the change and the resilience delta of each touched cluster. */
    public ObservableList<Line> summary() {
        return summaryView;
    }

    /** True while the other side is read and compared. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Change> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** Set by the findings panel's "introduced by this change" toggle. */
    public BooleanProperty introducedOnlyProperty() {
        return introducedOnly;
    }

    /** The findings panel's extra filter: null shows all, else only the findings this change introduced. */
    public ObjectBinding<Predicate<Finding>> findingsFilter() {
        return findingsFilter;
    }

    /** The git work tree of the paths on screen, once {@link #loadRevisions()} has looked. */
    public ReadOnlyObjectProperty<Optional<Path>> repositoryProperty() {
        return repository.getReadOnlyProperty();
    }

    /** Branches and recent commits to offer, once {@link #loadRevisions()} has looked. */
    public ObservableList<GitRevisions.Revision> revisions() {
        return revisionsView;
    }
}
