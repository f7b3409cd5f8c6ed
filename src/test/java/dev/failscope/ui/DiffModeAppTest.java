package dev.failscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.diff.Change;
import dev.failscope.diff.ChangeType;
import dev.failscope.model.EdgeKind;
import dev.failscope.model.Finding;
import dev.failscope.model.Node;
import dev.failscope.ui.graph.Palette;
import dev.failscope.ui.viewmodel.DiffViewModel;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Diff mode in the real application, headless under Monocle: Compare with… a folder. */
class DiffModeAppTest {
    private final FxRobot robot = new FxRobot();
    private final String prefsNode = "/failscope-test-" + UUID.randomUUID();
    private FailscopeApp app;

    @BeforeEach
    void start() throws Exception {
        System.setProperty("failscope.prefs", prefsNode);
        Stage stage = FxToolkit.registerPrimaryStage();
        app = (FailscopeApp) FxToolkit.setupApplication(FailscopeApp.class, "sample-topologies/catifyme");
        assertThat(stage).isNotNull();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> app.viewModel().inspectionProperty().get() != null
                && !app.viewModel().loadingProperty().get()
                && app.view().graph().viewModel().sceneProperty().get().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        Preferences.userRoot().node(prefsNode).removeNode();
    }

    private DiffViewModel diff() {
        return app.view().diff();
    }

    private void compareWithTheFolderBefore() throws Exception {
        robot.clickOn("#changes-tab").clickOn("#compare-button");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#compare-folder").tryQuery().isPresent());
        // in a git work tree the dialog may offer a revision first; choosing the folder side sticks
        robot.clickOn("#compare-folder-choice");
        TextField folder = robot.lookup("#compare-folder").queryAs(TextField.class);
        robot.clickOn(folder).write("sample-topologies/catifyme-before");
        robot.clickOn("Compare");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> diff().comparisonProperty().get() != null
                && !diff().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void comparingWithTheFolderBeforeTheDeployListsTheChangeAndMarksTheGraph() throws Exception {
        compareWithTheFolderBefore();

        TabPane tabs = robot.lookup("#bottom-tabs").queryAs(TabPane.class);
        assertThat(tabs.getSelectionModel().getSelectedItem().getId()).isEqualTo("changes-tab");
        assertThat(tabs.getSelectionModel().getSelectedItem().getText()).isEqualTo("Changes (2)");
        ListView<Change> list = robot.lookup("#changes-list").queryListView();
        assertThat(list.getItems()).extracting(Change::message).containsExactly(
                "catify-main: failover candidate db-legacy-2 added (#1 of 1)",
                "catify-main: failover candidate db-replica-1 removed (was #1)");
        assertThat(robot.lookup("#diff-summary .label").queryAllAs(javafx.scene.control.Label.class))
                .extracting(javafx.scene.control.Label::getText)
                .anySatisfy(t -> assertThat(t).startsWith("✖ catify-main: primary loss was survived")
                        .contains("OUTAGE"));

        var added = app.viewModel().topology().graph().edgeSet().stream()
                .filter(e -> e.kind() == EdgeKind.FAILOVER && e.to().name().equals("db-legacy-2"))
                .findFirst().orElseThrow();
        assertThat(diff().overlayProperty().get().mark(added)).hasValueSatisfying(m ->
                assertThat(m.type()).isEqualTo(ChangeType.ADDED));
        assertThat(diff().overlayProperty().get().ghostEdges()).singleElement()
                .satisfies(g -> assertThat(g.edge().to().name()).isEqualTo("db-replica-1"));
        var img = FailscopeAppTest.snapshot(app.view().graph().canvas());
        assertThat(FailscopeAppTest.countPixels(img, Palette.LIGHT.ok()))
                .as("green of the + added mark and the banner").isGreaterThan(100);

        // pan the change out of view, then select it in the list: it is selected and centred again
        var graph = app.view().graph();
        robot.interact(() -> graph.setViewport(graph.viewport().panBy(-3000, -3000)));
        robot.clickOn(robot.lookup("#changes-list .list-cell").nth(0).queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.viewModel().selectionProperty().get()).isEqualTo(Node.server("db-legacy-2"));
        var label = graph.viewModel().sceneProperty().get().orElseThrow().layout().route(added).orElseThrow().label();
        assertThat(graph.viewport().toScreenX(label.x())).isCloseTo(graph.canvas().getWidth() / 2,
                org.assertj.core.data.Offset.offset(2.0));
        assertThat(graph.viewport().toScreenY(label.y())).isCloseTo(graph.canvas().getHeight() / 2,
                org.assertj.core.data.Offset.offset(2.0));
    }

    @Test
    void theFindingsFilterShowsTheTwoIntroducedErrorsAndClearingEndsDiffMode() throws Exception {
        CheckBox introduced = robot.lookup("#introduced-filter").queryAs(CheckBox.class);
        assertThat(introduced.isVisible()).as("only in diff mode").isFalse();
        compareWithTheFolderBefore();

        robot.clickOn("#findings-tab");
        robot.clickOn("#introduced-filter");
        WaitForAsyncUtils.waitForFxEvents();
        TableView<Finding> table = robot.lookup("#findings-table").queryTableView();
        assertThat(table.getItems()).hasSize(2).allSatisfy(f -> assertThat(f.severity().label())
                .isEqualTo("error"));
        assertThat(table.getItems()).extracting(Finding::rule)
                .containsExactlyInAnyOrder("no-viable-failover", "failover-target-decommissioned");

        robot.clickOn("#changes-tab").clickOn("#clear-comparison");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(diff().comparisonProperty().get()).isNull();
        assertThat(diff().overlayProperty().get().active()).isFalse();
        assertThat(introduced.isVisible()).isFalse();
        assertThat(table.getItems()).hasSameSizeAs(app.viewModel().findings());
    }

    @Test
    void aPngExportedInDiffModeKeepsTheDiffMarksAndSvgSaysWhyNot(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws Exception {
        compareWithTheFolderBefore();
        java.nio.file.Path png = tmp.resolve("diff.png");
        robot.interact(() -> app.view().exportTo(png));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.viewModel().statusProperty().get()
                .equals("Exported " + png));
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
        javafx.scene.paint.Color ok = Palette.LIGHT.ok();
        long green = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                java.awt.Color c = new java.awt.Color(img.getRGB(x, y));
                if (Math.abs(c.getRed() / 255.0 - ok.getRed()) < 0.04 && Math.abs(c.getGreen() / 255.0 - ok.getGreen()) < 0.04
                        && Math.abs(c.getBlue() / 255.0 - ok.getBlue()) < 0.04) {
                    green++;
                }
            }
        }
        assertThat(green).as("green of the + added marks in the exported picture").isGreaterThan(100);

        java.nio.file.Path svg = tmp.resolve("diff.svg");
        robot.interact(() -> app.view().exportTo(svg));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.viewModel().statusProperty().get()).startsWith("SVG export cannot show the diff marks");
        assertThat(svg).doesNotExist();
    }
}
