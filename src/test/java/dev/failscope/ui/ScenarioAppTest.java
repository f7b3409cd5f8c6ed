package dev.failscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.ui.viewmodel.Beat;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scripted scenario opened from File: the CatifyMe replay shipped in sample-topologies, and a broken one. */
class ScenarioAppTest extends AppTestBase {
    static final Path REPLAY = Path.of("sample-topologies/catifyme-replay.scenario.yaml");

    @Test
    void theCatifyMeReplayRetellsThePostmortem() throws Exception {
        open("sample-topologies/three-zone-healthy");
        robot.interact(() -> app.view().openScenario(REPLAY));
        waitFor(() -> app.view().presentation().activeProperty().get());
        assertThat(app.viewModel().pathsProperty().get()).containsExactly("sample-topologies/catifyme");
        var p = app.view().presentation();
        assertThat(p.beats()).extracting(Beat::time).contains("07:45", "08:10", "08:15", "09:00", "09:50");
        assertThat(p.beats().get(0).kind()).isEqualTo(Beat.Kind.TITLE);
        assertThat(robot.lookup("#present-caption").queryAs(Label.class).getText())
                .startsWith("The Case of the Vanishing Database");

        robot.type(KeyCode.PAGE_DOWN);
        assertThat(robot.lookup("#present-time").queryAs(Label.class).getText()).isEqualTo("07:45");
        assertThat(graph().viewModel().overlayProperty().get().active()).as("before the failure").isFalse();
        robot.type(KeyCode.PAGE_DOWN);
        assertThat(p.current().orElseThrow().kind()).isEqualTo(Beat.Kind.QUESTION);
        assertThat(robot.lookup("#present-kind").queryAs(Label.class).getText()).contains("QUESTION");

        // on to the simulator's timeline after 08:00: the attempt on db-legacy-2 and the outage
        int attempt = indexOf(p, "attempt on db-legacy-2");
        robot.interact(() -> p.go(attempt));
        assertThat(p.current().orElseThrow().time()).isEqualTo("08:00 + 30s");
        assertThat(graph().viewModel().overlayProperty().get().trying()).isEqualTo("db-legacy-2");
        int outage = indexOf(p, "catify-main is DOWN");
        robot.interact(() -> p.go(outage));
        assertThat(graph().viewModel().overlayProperty().get().clustersDown()).containsExactly("catify-main");
        robot.type(KeyCode.END);
        assertThat(p.current().orElseThrow().kind()).isEqualTo(Beat.Kind.QUESTION);
        assertThat(graph().viewModel().overlayProperty().get().clustersDown()).as("still down at the last question")
                .containsExactly("catify-main");
        robot.type(KeyCode.ESCAPE);
        waitFor(() -> !p.activeProperty().get());
        assertThat(graph().viewModel().overlayProperty().get().active()).isFalse();
    }

    private static int indexOf(dev.failscope.ui.viewmodel.PresentationViewModel p, String words) {
        for (int i = 0; i < p.beats().size(); i++) {
            if (p.beats().get(i).caption().contains(words)) {
                return i;
            }
        }
        throw new AssertionError("no slide says " + words);
    }

    @Test
    void aScriptThatNamesAnUnknownServerIsReportedAtItsLineAndNotPresented(@TempDir Path tmp) throws Exception {
        Path script = tmp.resolve("typo.scenario.yaml");
        Files.writeString(script, "kind: scenario\ntitle: Typo\ntopology: " + Path.of("sample-topologies/catifyme")
                .toAbsolutePath() + "\nsteps:\n  - say: go\n    fail: db-mian-1\n");
        robot.interact(() -> app.view().openScenario(script));
        waitFor(() -> !app.viewModel().errors().isEmpty());
        assertThat(app.viewModel().errors()).singleElement().satisfies(e -> {
            assertThat(e.position().line()).isEqualTo(6);
            assertThat(e.position().column()).isEqualTo(11);
            assertThat(e.message()).contains("db-mian-1").contains("db-main-1");
        });
        assertThat(robot.lookup(".error-link").queryAs(Hyperlink.class).getText()).startsWith(script + ":6:11");
        assertThat(app.view().presentation().activeProperty().get()).isFalse();
    }
}
