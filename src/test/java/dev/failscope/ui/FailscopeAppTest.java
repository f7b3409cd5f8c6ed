package dev.failscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.layout.Box;
import dev.failscope.model.Finding;
import dev.failscope.ui.graph.Palette;
import dev.failscope.ui.viewmodel.GraphScene;
import dev.failscope.ui.viewmodel.Viewport;
import dev.failscope.ui.view.GraphView;
import javafx.scene.image.WritableImage;
import dev.failscope.ui.viewmodel.MainViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The real application, headless under Monocle, driven through its controls. */
class FailscopeAppTest {
    private final FxRobot robot = new FxRobot();
    private final String prefsNode = "/failscope-test-" + UUID.randomUUID();
    private FailscopeApp app;

    @BeforeEach
    void start() throws Exception {
        System.setProperty("failscope.prefs", prefsNode);
        Stage stage = FxToolkit.registerPrimaryStage();
        app = (FailscopeApp) FxToolkit.setupApplication(FailscopeApp.class, "sample-topologies/catifyme");
        assertThat(stage).isNotNull();
        waitUntilLoaded();
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        Preferences.userRoot().node(prefsNode).removeNode();
    }

    private void waitUntilLoaded() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> app.viewModel().inspectionProperty().get() != null
                && !app.viewModel().loadingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private TableView<Finding> findingsTable() {
        return robot.lookup("#findings-table").queryTableView();
    }

    @Test
    void opensOnCatifyMeAndListsTheDecommissionedTarget() {
        assertThat(findingsTable().getItems()).extracting(Finding::rule)
                .contains("failover-target-decommissioned", "no-viable-failover");
        javafx.scene.control.TabPane tabs = robot.lookup("#bottom-tabs").queryAs(javafx.scene.control.TabPane.class);
        assertThat(tabs.getTabs().get(0).getText()).isEqualTo("Findings (" + findingsTable().getItems().size() + ")");
        assertThat(app.viewModel().topology().cluster("catify-main")).isPresent();
    }

    private GraphView graph() {
        return app.view().graph();
    }

    private GraphScene scene() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> graph().viewModel().sceneProperty().get().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        return graph().viewModel().sceneProperty().get().orElseThrow();
    }

    /** Screen point of the centre of a node's box. */
    private javafx.geometry.Point2D onScreen(dev.failscope.model.Node node) throws Exception {
        Box b = scene().layout().box(node).orElseThrow().box();
        Viewport v = graph().viewport();
        return graph().canvas().localToScreen(v.toScreenX(b.centerX()), v.toScreenY(b.centerY()));
    }

    @Test
    void theGraphHoldsARedFailoverEdgeAndTheDecommissionedServer() throws Exception {
        GraphScene s = scene();
        assertThat(s.edges().values()).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo(dev.failscope.model.EdgeKind.FAILOVER);
            assertThat(e.broken()).isTrue();
        });
        assertThat(s.look(dev.failscope.model.Node.server("db-legacy-2")).decommissioned()).isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage img = snapshot(graph().canvas());
        long red = countPixels(img, Palette.LIGHT.danger());
        assertThat(red).as("red pixels of the broken failover edge and its ✖ marks").isGreaterThan(50);
    }

    @Test
    void clickingAServerInTheGraphSelectsItAndSearchCentresAnother() throws Exception {
        robot.clickOn(onScreen(dev.failscope.model.Node.server("db-replica-1")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.viewModel().selectionProperty().get()).isEqualTo(dev.failscope.model.Node.server("db-replica-1"));
        assertThat(robot.lookup("#details-title").queryAs(Label.class).getText()).isEqualTo("db-replica-1");

        robot.clickOn("#search").write("legacy").type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.viewModel().selectionProperty().get()).isEqualTo(dev.failscope.model.Node.server("db-legacy-2"));
        javafx.geometry.Point2D centre = graph().canvas().localToScreen(graph().canvas().getWidth() / 2,
                graph().canvas().getHeight() / 2);
        assertThat(onScreen(dev.failscope.model.Node.server("db-legacy-2")).distance(centre)).isLessThan(2);
    }

    @Test
    void simulateLossOfThePrimarySteppedToTheEndShowsTheOutage() throws Exception {
        robot.clickOn(onScreen(dev.failscope.model.Node.server("db-main-1")));
        robot.type(javafx.scene.input.KeyCode.K);
        var sim = app.view().simulation();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> sim.activeProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        int events = sim.events().size();
        for (int i = 0; i < events; i++) {
            robot.clickOn("#sim-forward");
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(sim.stepProperty().get()).isEqualTo(events);
        var overlay = graph().viewModel().overlayProperty().get();
        assertThat(overlay.clustersDown()).containsExactly("catify-main");
        assertThat(overlay.services().values()).hasSize(3)
                .containsOnly(dev.failscope.ui.viewmodel.GraphOverlay.ServiceHealth.DOWN);
        assertThat(robot.lookup("#impact .label").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("1 cluster down: catify-main", "3 services down: cat-commenting, cat-liking, cat-posting");
        assertThat(robot.lookup("#sim-position").queryAs(Label.class).getText()).startsWith("step " + events + " / ");
    }

    @Test
    void onTheFixedSampleTheReplicaIsPromoted() throws Exception {
        MainViewModel vm = app.viewModel();
        robot.interact(() -> vm.open(List.of("sample-topologies/catifyme-fixed")));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> graph().viewModel().sceneProperty().get()
                .map(s -> s.topology().files().get(0).contains("catifyme-fixed")).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(onScreen(dev.failscope.model.Node.server("db-main-1")));
        robot.clickOn("#simulate-loss");
        var sim = app.view().simulation();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> sim.activeProperty().get());
        robot.clickOn("#sim-end");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(graph().viewModel().overlayProperty().get().promoted()).containsExactly("db-replica-1");
        assertThat(graph().viewModel().overlayProperty().get().clustersDown()).isEmpty();
    }

    @Test
    void exportWritesAValidPngAndAParseableSvg(@TempDir Path tmp) throws Exception {
        scene();
        Path png = tmp.resolve("graph.png");
        Path svg = tmp.resolve("graph.svg");
        robot.interact(() -> app.view().exportTo(png));
        robot.interact(() -> app.view().exportTo(svg));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.viewModel().statusProperty().get()
                .equals("Exported " + svg));
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isGreaterThan(300);
        assertThat(img.getHeight()).isGreaterThan(200);
        var doc = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        assertThat(doc.getDocumentElement().getNodeName()).isEqualTo("svg");
    }

    @Test
    void theZoneLaneContextMenuSimulatesZoneLoss() throws Exception {
        var lane = scene().layout().lanes().stream().filter(l -> "us-west-2b".equals(l.zone())).findFirst()
                .orElseThrow();
        Viewport v = graph().viewport();
        Box b = lane.bounds();
        javafx.geometry.Point2D p = graph().canvas().localToScreen(v.toScreenX(b.centerX()),
                v.toScreenY(lane.header().maxY() - 4));
        robot.rightClickOn(p);
        robot.clickOn("Simulate zone loss: us-west-2 / us-west-2b");
        var sim = app.view().simulation();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> sim.activeProperty().get());
        robot.clickOn("#sim-end");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(sim.scenarioProperty().get()).extracting(t -> t.label()).containsExactly("zone:us-west-2b");
        assertThat(graph().viewModel().overlayProperty().get().failed()).containsExactly("db-replica-1");
    }

    static WritableImage snapshot(javafx.scene.canvas.Canvas canvas) {
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> canvas.snapshot(null, null)));
    }

    static long countPixels(WritableImage img, javafx.scene.paint.Color c) {
        long n = 0;
        var r = img.getPixelReader();
        for (int y = 0; y < (int) img.getHeight(); y++) {
            for (int x = 0; x < (int) img.getWidth(); x++) {
                javafx.scene.paint.Color p = r.getColor(x, y);
                if (Math.abs(p.getRed() - c.getRed()) < 0.04 && Math.abs(p.getGreen() - c.getGreen()) < 0.04
                        && Math.abs(p.getBlue() - c.getBlue()) < 0.04) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void clickingAFindingSelectsItsElementAndShowsTheSourceLine() {
        Node firstRow = robot.lookup(".table-row-cell").nth(0).query();
        robot.clickOn(firstRow);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.viewModel().selectionProperty().get().name()).isEqualTo("catify-main");
        Label title = robot.lookup("#details-title").queryAs(Label.class);
        assertThat(title.getText()).isEqualTo("catify-main");
        Label focus = robot.lookup("#snippet-focus").queryAs(Label.class);
        assertThat(focus.getText()).contains("- db-legacy-2");
    }

    @Test
    void aBrokenFileKeepsThePreviousTopologyAndShowsTheErrorBar(@TempDir Path tmp) throws Exception {
        Path broken = tmp.resolve("broken.yaml");
        Files.writeString(broken, "kind: inventory\nservers:\n  - name: [oops\n");
        MainViewModel vm = app.viewModel();
        robot.interact(() -> vm.open(List.of(broken.toString())));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !vm.loadingProperty().get() && !vm.errors().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        Node bar = robot.lookup("#error-bar").query();
        assertThat(bar.isVisible()).isTrue();
        assertThat(robot.lookup(".error-link").queryAll()).isNotEmpty()
                .allSatisfy(n -> assertThat(((javafx.scene.control.Hyperlink) n).getText())
                        .startsWith(broken.toString() + ":"));
        assertThat(vm.topology().cluster("catify-main")).isPresent();
        assertThat(findingsTable().getItems()).isNotEmpty();

        robot.clickOn(robot.lookup(".error-link").queryAs(javafx.scene.control.Hyperlink.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#snippet-focus").queryAs(Label.class).getText()).contains("(end of file)");
        assertThat(robot.lookup("#details-snippet .label").queryAllAs(Label.class)).extracting(Label::getText)
                .anySatisfy(t -> assertThat(t).contains("name: [oops"));
    }
}
