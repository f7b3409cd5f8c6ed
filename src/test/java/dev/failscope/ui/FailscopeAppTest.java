package dev.failscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.model.Finding;
import dev.failscope.ui.model.MainViewModel;
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
        assertThat(findingsTable().getItems()).extracting(Finding::rule).contains("failover-target-decommissioned");
        javafx.scene.control.TabPane tabs = robot.lookup("#bottom-tabs").queryAs(javafx.scene.control.TabPane.class);
        assertThat(tabs.getTabs().get(0).getText()).isEqualTo("Findings (" + findingsTable().getItems().size() + ")");
        assertThat(app.viewModel().topology().cluster("catify-main")).isPresent();
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
    }
}
