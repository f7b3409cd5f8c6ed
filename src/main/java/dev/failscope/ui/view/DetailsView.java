package dev.failscope.ui.view;

import dev.failscope.model.Finding;
import dev.failscope.ui.viewmodel.Details;
import dev.failscope.ui.viewmodel.DetailsViewModel;
import dev.failscope.ui.viewmodel.Icons;
import dev.failscope.ui.viewmodel.MainViewModel;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** The details panel: findings, failover candidates, properties with their source lines, and a snippet. */
final class DetailsView {
    private final VBox content = new VBox(10);
    private final ScrollPane root = new ScrollPane(content);
    private final MainViewModel main;

    DetailsView(MainViewModel main, DetailsViewModel vm) {
        this.main = main;
        root.setId("details");
        root.setFitToWidth(true);
        root.getStyleClass().add("details");
        content.setPadding(new Insets(10));
        vm.detailsProperty().addListener((o, a, d) -> show(d));
        show(vm.detailsProperty().get());
    }

    private void show(Optional<Details> details) {
        content.getChildren().clear();
        if (details.isEmpty()) {
            Label hint = new Label("Select a server, cluster or service in the graph, or a finding below.");
            hint.setWrapText(true);
            hint.getStyleClass().add("text-muted");
            content.getChildren().add(hint);
            return;
        }
        Details d = details.get();
        Label kind = new Label(d.kind().toUpperCase(java.util.Locale.ROOT));
        kind.getStyleClass().addAll("details-kind", "text-small");
        Label title = new Label(d.title());
        title.setId("details-title");
        title.getStyleClass().addAll("title-3", "details-title");
        content.getChildren().addAll(new VBox(kind, title));
        if (!d.findings().isEmpty()) {
            content.getChildren().add(section("Findings (" + d.findings().size() + ")"));
            for (Finding f : d.findings()) {
                content.getChildren().add(finding(f));
            }
        }
        if (!d.candidates().isEmpty()) {
            content.getChildren().addAll(section("Failover candidates"), candidates(d));
        }
        content.getChildren().addAll(section("Properties"), properties(d));
        d.snippet().ifPresent(s -> content.getChildren().addAll(section("Source  " + s.file()), snippet(s)));
    }

    private Node finding(Finding f) {
        Label msg = new Label(Icons.severity(f.severity().label()) + " " + f.message());
        msg.setWrapText(true);
        msg.getStyleClass().add("sev-" + f.severity().label());
        Hyperlink where = link(f.position());
        Label rule = new Label("[" + f.rule() + "]");
        rule.getStyleClass().add("text-muted");
        VBox box = new VBox(2, msg, new javafx.scene.layout.HBox(6, where, rule));
        box.getStyleClass().add("details-finding");
        return box;
    }

    private GridPane candidates(Details d) {
        GridPane grid = grid();
        grid.setId("details-candidates");
        int row = 0;
        for (Details.CandidateRow c : d.candidates()) {
            Label order = new Label(c.order() + ".");
            Label name = new Label(c.name());
            Label verdict = new Label((c.viable() ? "✔ " : "✖ ") + c.why());
            verdict.setWrapText(true);
            verdict.getStyleClass().add(c.viable() ? "candidate-viable" : "candidate-blocked");
            grid.addRow(row++, order, name, verdict);
            if (c.decidedBy().isPresent() && !c.viable()) {
                grid.add(link(c.decidedBy().get()), 2, row++);
            }
        }
        return grid;
    }

    private GridPane properties(Details d) {
        GridPane grid = grid();
        grid.setId("details-properties");
        int row = 0;
        for (Details.Property p : d.properties()) {
            Label key = new Label(p.key());
            key.getStyleClass().add("text-muted");
            Label value = new Label(p.value());
            value.setWrapText(true);
            if (p.value().length() <= 24) {
                // a short value (a name, a duration) reads whole; the source link gives way instead
                value.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
            Node where = p.position().<Node>map(this::link).orElseGet(() -> {
                Label l = new Label("default");
                l.getStyleClass().add("text-muted");
                return l;
            });
            grid.addRow(row++, key, value, where);
        }
        return grid;
    }

    private Node snippet(Details.Snippet s) {
        VBox lines = new VBox();
        lines.setId("details-snippet");
        lines.getStyleClass().add("snippet");
        int width = String.valueOf(s.firstLine() + s.lines().size() - 1).length();
        for (int i = 0; i < s.lines().size(); i++) {
            int n = s.firstLine() + i;
            Label line = new Label(String.format("%" + width + "d  %s", n, s.lines().get(i)));
            line.getStyleClass().add("snippet-line");
            if (n == s.focusLine()) {
                line.getStyleClass().add("snippet-focus");
                line.setId("snippet-focus");
                line.setText(String.format("%" + width + "d ▶%s", n, s.lines().get(i)));
            }
            line.setMaxWidth(Double.MAX_VALUE);
            lines.getChildren().add(line);
        }
        return lines;
    }

    private Hyperlink link(dev.failscope.model.SourcePosition at) {
        Hyperlink link = new Hyperlink(at.shortForm());
        link.setOnAction(e -> main.focus(at));
        link.getStyleClass().add("source-link");
        return link;
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("details-section");
        return l;
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(3);
        return g;
    }

    ScrollPane root() {
        return root;
    }
}
