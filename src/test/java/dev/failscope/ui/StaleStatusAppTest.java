package dev.failscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The status bar when the graph is not what is on disk: the last load failed and the last good topology stays.
 * The warning stays until a load succeeds, whatever else the status bar says meanwhile, and the title says it.
 */
class StaleStatusAppTest extends AppTestBase {

    private Label stale() {
        return robot.lookup("#stale").queryAs(Label.class);
    }

    /** Lets the file watcher's events for the last save play out (it may report one save twice). */
    private void settle() throws Exception {
        Thread.sleep(1500);
        waitFor(() -> !app.viewModel().loadingProperty().get());
    }

    private static Path copyOfCatifyMe(Path tmp) throws Exception {
        Path dir = tmp.resolve("catifyme");
        Files.createDirectories(dir);
        try (Stream<Path> files = Files.list(Path.of("sample-topologies/catifyme"))) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        return dir;
    }

    @Test
    void aFileThatChangedAndNoLongerLoadsKeepsAVisibleWarningUntilItLoadsAgain(@TempDir Path tmp) throws Exception {
        Path dir = copyOfCatifyMe(tmp);
        open(dir.toString());
        assertThat(stale().isVisible()).isFalse();
        assertThat(stage.getTitle()).isEqualTo("Failscope — " + dir);

        Path inventory = dir.resolve("inventory.yaml");
        String good = Files.readString(inventory);
        Files.writeString(inventory, good + "\n  - name: [oops\n"); // the file watcher reloads a moment later
        waitFor(() -> !app.viewModel().loadingProperty().get() && !app.viewModel().errors().isEmpty());
        settle();
        assertThat(stale().isVisible()).isTrue();
        assertThat(stale().getText()).startsWith("⚠ Not what is on disk: showing " + dir + " as loaded at ")
                .endsWith("; the files changed and no longer load (1 load error, listed above). Save a fix to reload.");
        assertThat(stage.getTitle()).isEqualTo("Failscope — " + dir + "  [last good load; the latest did not load]");

        // other messages and dismissing the error bar do not hide it
        robot.interact(() -> app.viewModel().say("Exported somewhere"));
        robot.interact(() -> app.viewModel().clearErrors());
        assertThat(stale().isVisible()).isTrue();
        assertThat(robot.lookup("#status").queryAs(Label.class).getText()).isEqualTo("Exported somewhere");

        Files.writeString(inventory, good);
        waitFor(() -> !app.viewModel().loadingProperty().get() && app.viewModel().staleProperty().get().isEmpty());
        assertThat(stale().isVisible()).isFalse();
        assertThat(stage.getTitle()).isEqualTo("Failscope — " + dir);
    }

    @Test
    void anotherPathThatDoesNotLoadNamesWhatIsStillShown(@TempDir Path tmp) throws Exception {
        Path broken = tmp.resolve("broken.yaml");
        Files.writeString(broken, "kind: inventory\nservers:\n  - name: [oops\n");
        robot.interact(() -> app.viewModel().open(List.of(broken.toString())));
        waitFor(() -> !app.viewModel().loadingProperty().get() && !app.viewModel().errors().isEmpty());
        assertThat(stale().getText()).startsWith("⚠ Still showing sample-topologies/catifyme (loaded at ")
                .endsWith("): " + broken + " did not load (1 load error, listed above).");
        assertThat(stage.getTitle()).startsWith("Failscope — sample-topologies/catifyme  [last good load");
        assertThat(app.viewModel().shownPathsProperty().get()).containsExactly("sample-topologies/catifyme");
    }

    @Test
    void leavingASimulationPutsTheSummaryBack() throws Exception {
        var sim = app.view().simulation();
        robot.interact(() -> sim.simulateLoss("db-main-1"));
        waitFor(() -> sim.activeProperty().get() && !sim.events().isEmpty());
        assertThat(robot.lookup("#status").queryAs(Label.class).getText()).startsWith("Simulating loss of db-main-1");
        robot.interact(sim::exit);
        assertThat(robot.lookup("#status").queryAs(Label.class).getText())
                .isEqualTo("3 servers, 1 cluster, 3 services; 2 findings");
    }
}
