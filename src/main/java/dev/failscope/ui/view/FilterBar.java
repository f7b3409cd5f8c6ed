package dev.failscope.ui.view;

import dev.failscope.analysis.Inspection;
import dev.failscope.model.Finding;
import dev.failscope.model.Service;
import dev.failscope.model.Severity;
import dev.failscope.simulation.FailureTarget;
import dev.failscope.ui.viewmodel.Domains;
import dev.failscope.ui.viewmodel.GraphViewModel;
import dev.failscope.ui.viewmodel.MainViewModel;
import dev.failscope.ui.viewmodel.SceneFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.BiFunction;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

/**
 * The graph's filter bar (View → Filter bar, Ctrl+Shift+L): only clusters with findings, by severity, rule,
 * zone, team (the servers' {@code team} tag), service and file. Each control sets one criterion of the {@link SceneFilter} the graph lays out; the
 * choices are those of the topology on screen.
 */
final class FilterBar {
    static final String ANY = "(any)";
    private final GraphViewModel graph;
    private final javafx.scene.layout.FlowPane root = new javafx.scene.layout.FlowPane(10, 4);
    private final CheckBox withFindings = new CheckBox("Only clusters with findings");
    private final ComboBox<String> severity = combo("filter-severity", "Severity");
    private final ComboBox<String> rule = combo("filter-rule", "Rule");
    private final ComboBox<String> zone = combo("filter-zone", "Zone");
    private final ComboBox<String> team = combo("filter-team", "Team");
    private final ComboBox<String> service = combo("filter-service", "Service");
    private final ComboBox<String> file = combo("filter-file", "File (team)");
    private boolean updating;

    FilterBar(MainViewModel main, GraphViewModel graph) {
        this.graph = graph;
        root.setId("filter-bar");
        root.getStyleClass().add("filter-bar");
        root.setAlignment(Pos.CENTER_LEFT);
        root.setPadding(new Insets(3, 8, 3, 8));
        withFindings.setId("filter-findings");
        severity.getItems().setAll(ANY, "error", "warning or worse", "info or worse");
        severity.setValue(ANY);
        Label shown = new Label();
        shown.setId("filter-shown");
        shown.textProperty().bind(graph.shownProperty());
        Button clear = new Button("✕ Clear filters");
        clear.setId("filter-clear");
        clear.setFocusTraversable(false);
        clear.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> graph.filterProperty().get().isNone(), graph.filterProperty()));
        clear.setOnAction(e -> graph.setFilter(SceneFilter.NONE));
        withFindings.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        clear.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        shown.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        root.getChildren().addAll(withFindings, label("severity", severity), label("rule", rule),
                label("zone", zone), label("team", team), label("service", service), label("file", file), clear, shown);
        root.setManaged(false);
        root.setVisible(false);
        root.managedProperty().bind(root.visibleProperty());

        withFindings.setOnAction(e -> set(SceneFilter::withOnlyFindings, withFindings.isSelected()));
        severity.setOnAction(e -> set(SceneFilter::withSeverity, severityOf(severity.getValue())));
        rule.setOnAction(e -> set(SceneFilter::withRule, value(rule)));
        zone.setOnAction(e -> set(SceneFilter::withZone, value(zone)));
        team.setOnAction(e -> set(SceneFilter::withTeam, value(team)));
        service.setOnAction(e -> set(SceneFilter::withService, value(service)));
        file.setOnAction(e -> set(SceneFilter::withFile, value(file)));
        graph.filterProperty().addListener((o, a, f) -> show(f));
        main.inspectionProperty().addListener((o, a, i) -> choices(i));
        if (main.inspectionProperty().get() != null) {
            choices(main.inspectionProperty().get());
        }
    }

    private <T> void set(BiFunction<SceneFilter, T, SceneFilter> with, T value) {
        if (!updating) {
            graph.setFilter(with.apply(graph.filterProperty().get(), value));
        }
    }

    /** The controls follow the filter (cleared, or set from elsewhere). */
    private void show(SceneFilter f) {
        updating = true;
        try {
            withFindings.setSelected(f.onlyWithFindings());
            severity.setValue(f.severity() == null ? ANY : f.severity() == Severity.ERROR ? "error"
                    : f.severity() == Severity.WARNING ? "warning or worse" : "info or worse");
            rule.setValue(f.rule() == null ? ANY : f.rule());
            zone.setValue(f.zone() == null ? ANY : f.zone());
            team.setValue(f.team() == null ? ANY : f.team());
            service.setValue(f.service() == null ? ANY : f.service());
            file.setValue(f.file() == null ? ANY : f.file());
        } finally {
            updating = false;
        }
    }

    private void choices(Inspection i) {
        if (i == null) {
            return;
        }
        updating = true;
        try {
            fill(rule, new TreeSet<>(i.findings().stream().map(Finding::rule).toList()));
            fill(zone, Domains.of(i.topology(), FailureTarget.Kind.ZONE).stream().map(Domains.Domain::name).toList());
            fill(team, new TreeSet<>(i.topology().servers().stream().map(s -> s.tags().get("team"))
                    .filter(java.util.Objects::nonNull).toList()));
            fill(service, i.topology().services().stream().map(Service::name).sorted().toList());
            fill(file, new TreeSet<>(i.topology().clusters().stream().map(c -> c.position().file()).toList()));
        } finally {
            updating = false;
        }
        // A criterion the new topology cannot meet (a rule that no longer fires) stays until cleared: the bar
        // says how little is shown, and Clear is one click.
        show(graph.filterProperty().get());
    }

    private static void fill(ComboBox<String> box, java.util.Collection<String> values) {
        List<String> items = new ArrayList<>();
        items.add(ANY);
        items.addAll(values);
        box.getItems().setAll(items);
    }

    private static Severity severityOf(String v) {
        return v == null || v.equals(ANY) ? null : v.startsWith("error") ? Severity.ERROR
                : v.startsWith("warning") ? Severity.WARNING : Severity.INFO;
    }

    private static String value(ComboBox<String> box) {
        String v = box.getValue();
        return v == null || v.equals(ANY) ? null : v;
    }

    private static ComboBox<String> combo(String id, String prompt) {
        ComboBox<String> c = new ComboBox<>();
        c.setId(id);
        c.setPromptText(prompt);
        c.setVisibleRowCount(16);
        c.setPrefWidth(130);
        c.setMaxWidth(130);
        c.setFocusTraversable(false);
        return c;
    }

    private static HBox label(String text, ComboBox<String> box) {
        Label l = new Label(text);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox h = new HBox(3, l, box);
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }

    javafx.beans.property.BooleanProperty shownProperty() {
        return root.visibleProperty();
    }

    javafx.scene.layout.FlowPane node() {
        return root;
    }
}
