package dev.failscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.simulation.SimulationEvent;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** Presentation mode on the real application at 1280×720: F5, the presenter's keys, blank, Esc. */
class PresentationAppTest extends AppTestBase {

    private void size1280x720() {
        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(720);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Label caption() {
        return robot.lookup("#present-caption").queryAs(Label.class);
    }

    @Test
    void f5PresentsTheSimulationAsBigCaptionsAndTheKeysStepThroughIt() throws Exception {
        size1280x720();
        var sim = app.view().simulation();
        robot.interact(() -> sim.simulateLoss("db-main-1"));
        waitFor(() -> sim.activeProperty().get());
        robot.clickOn(graph().canvas()).type(KeyCode.ESCAPE); // focus in the window, nothing selected
        robot.type(KeyCode.F5);
        waitFor(() -> app.view().presentation().activeProperty().get());

        assertThat(robot.lookup("#menu-bar").tryQuery()).as("no chrome: no menu bar").isEmpty();
        assertThat(robot.lookup("#bottom-tabs").tryQuery()).as("no tabs").isEmpty();
        assertThat(caption().getText()).startsWith("Simulated loss of db-main-1");
        assertThat(caption().getFont().getSize()).as("large type at 720 px").isGreaterThanOrEqualTo(30);

        List<SimulationEvent> events = sim.events();
        robot.type(KeyCode.PAGE_DOWN);
        assertThat(caption().getText()).isEqualTo("✖ " + events.get(0).reason());
        assertThat(graph().viewModel().overlayProperty().get().failed()).containsExactly("db-main-1");
        robot.type(KeyCode.SPACE).type(KeyCode.RIGHT);
        assertThat(caption().getText()).endsWith(events.get(2).reason());
        robot.type(KeyCode.PAGE_UP);
        assertThat(caption().getText()).endsWith(events.get(1).reason());
        assertThat(robot.lookup("#present-time").queryAs(Label.class).getText()).isEqualTo("t+0s");

        robot.type(KeyCode.B);
        assertThat(robot.lookup("#present-blank").query().isVisible()).isTrue();
        robot.type(KeyCode.B);
        assertThat(robot.lookup("#present-blank").query().isVisible()).isFalse();

        robot.type(KeyCode.ESCAPE);
        waitFor(() -> !app.view().presentation().activeProperty().get());
        assertThat(robot.lookup("#menu-bar").tryQuery()).isPresent();
        assertThat(graph().canvas().getScene()).isSameAs(stage.getScene());
        assertThat(sim.activeProperty().get()).as("the simulation is still there").isTrue();
    }

    @Test
    void typeScalesWithTheWindowAndTheTopologyAloneCanBePresented() throws Exception {
        robot.interact(() -> app.view().present());
        waitFor(() -> app.view().presentation().activeProperty().get());
        javafx.scene.layout.Region root = robot.lookup("#presentation").queryAs(javafx.scene.layout.Region.class);
        assertThat(caption().getFont().getSize()).isCloseTo(Math.max(22, Math.min(64, root.getHeight() / 22)),
                org.assertj.core.data.Offset.offset(0.01));
        assertThat(caption().getText()).startsWith("sample-topologies/catifyme");
        assertThat(graph().canvas().getHeight()).as("the graph fills most of the screen")
                .isGreaterThan(root.getHeight() * 0.5);
        // and it is fitted to the canvas it ends up with, magnified past the window's 1.5 cap
        var b = scene().layout().bounds();
        waitFor(() -> {
            double w = graph().canvas().getWidth() - 48;
            double h = graph().canvas().getHeight() - 48;
            double fit = Math.min(2.5, Math.min(w / b.width(), h / b.height()));
            return Math.abs(graph().viewport().scale() - fit) < 0.01;
        });
        assertThat(graph().viewport().scale()).isGreaterThan(dev.failscope.ui.viewmodel.Viewport.MAX_FIT);
    }
}
