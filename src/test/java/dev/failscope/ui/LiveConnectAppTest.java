package dev.failscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.live.SnapshotExampleTest;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** File → Connect… on the committed orders config, with a fake live source (no server in GUI tests). */
class LiveConnectAppTest extends AppTestBase {
    @Override
    String[] arguments() {
        return new String[] {"docs/examples/live/committed.yaml"};
    }

    @Test
    void connectSnapshotsOffTheFxThreadAndMarksTheDrift() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean onFx = new AtomicBoolean(true);
        app.view().live().useSource(endpoints -> {
            onFx.set(Platform.isFxApplicationThread());
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            assertThat(endpoints).hasSize(1);
            return SnapshotExampleTest.drifted();
        });
        robot.clickOn("File").clickOn("Connect…");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#connect-endpoints").tryQuery()
                .isPresent());
        TextArea endpoints = robot.lookup("#connect-endpoints").queryAs(TextArea.class);
        robot.interact(() -> endpoints.setText("patroni http://10.0.1.12:8008\n"));
        robot.clickOn("#connect-run");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.view().live().busyProperty().get());
        assertThat(robot.lookup("#connect-progress").queryAs(ProgressIndicator.class).isVisible()).isTrue();
        release.countDown();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !app.view().live().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx.get()).as("the snapshot ran on the FX thread").isFalse();
        assertThat(app.view().live().statusProperty().get()).startsWith("orders (patroni@3.0.2): 6 members, primary "
                + "pg-2. 1 unreachable. ").endsWith(" drift findings.");
        assertThat(graph().viewModel().driftProperty().get()).containsKeys("pg-3", "pg-old", "orders");
        ListView<?> list = robot.lookup("#connect-drift").queryAs(ListView.class);
        assertThat(list.getItems()).anySatisfy(l -> assertThat(l.toString()).contains("[drift-primary]"));
        robot.interact(() -> app.view().live().clear());
        assertThat(graph().viewModel().driftProperty().get()).isEmpty();
    }

    @Test
    void aLineThatIsNotAnEndpointIsSaidAndNothingRuns() throws Exception {
        AtomicBoolean called = new AtomicBoolean();
        app.view().live().useSource(endpoints -> {
            called.set(true);
            return SnapshotExampleTest.drifted();
        });
        robot.clickOn("File").clickOn("Connect…");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#connect-endpoints").tryQuery()
                .isPresent());
        TextArea endpoints = robot.lookup("#connect-endpoints").queryAs(TextArea.class);
        robot.interact(() -> endpoints.setText("mysql 10.0.0.1\n"));
        robot.clickOn("#connect-run");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#connect-status").queryLabeled().getText()).startsWith("Not an endpoint: mysql "
                + "10.0.0.1");
        assertThat(called.get()).isFalse();
        assertThat(List.copyOf(graph().viewModel().driftProperty().get().keySet())).isEmpty();
    }
}
