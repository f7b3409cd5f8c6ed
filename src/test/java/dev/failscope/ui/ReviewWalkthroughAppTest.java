package dev.failscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.model.Edge;
import dev.failscope.model.EdgeKind;
import dev.failscope.model.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.layout.GridPane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/gui.md, "Review walkthrough: can this cluster fail over?", step by step on a copy of CatifyMe. */
class ReviewWalkthroughAppTest extends AppTestBase {

    @Test
    void findTheBrokenFailoverFixTheConfigAndSeeItPass(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("catifyme");
        Files.createDirectories(dir);
        try (Stream<Path> files = Files.list(Path.of("sample-topologies/catifyme"))) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        // 1. open it; the graph fits
        open(dir.toString());
        robot.clickOn("#fit");
        // 2. the failover arrow from catify-main is red (broken) and ends at the decommissioned db-legacy-2
        Edge failover = scene().topology().graph().edgeSet().stream().filter(e -> e.kind() == EdgeKind.FAILOVER)
                .findFirst().orElseThrow();
        assertThat(failover.to().name()).isEqualTo("db-legacy-2");
        assertThat(scene().look(failover).broken()).isTrue();
        assertThat(scene().look(failover.to()).decommissioned()).isTrue();
        // 3. the Findings tab counts and lists the two rules; choosing one shows the line and the verdict
        Tab findings = app.view().bottomTabsForTour().getTabs().stream().filter(t -> "findings-tab".equals(t.getId()))
                .findFirst().orElseThrow();
        assertThat(findings.getText()).isEqualTo("Findings (2)");
        assertThat(app.viewModel().findings()).extracting(Finding::rule)
                .containsExactlyInAnyOrder("no-viable-failover", "failover-target-decommissioned");
        robot.interact(() -> app.viewModel().selectFinding(app.viewModel().findings().get(0)));
        assertThat(robot.lookup("#details-title").queryAs(Label.class).getText()).isEqualTo("catify-main");
        assertThat(robot.lookup("#snippet-focus").queryAs(Label.class).getText()).contains("- db-legacy-2");
        GridPane candidates = robot.lookup("#details-candidates").queryAs(GridPane.class);
        assertThat(candidates.getChildren()).filteredOn(n -> n instanceof Label).extracting(n -> ((Label) n).getText())
                .contains("1.", "db-legacy-2", "✖ decommissioned");
        // 5. fix the config and save: it reloads; the arrow is no longer broken and the tab says Findings (0)
        Path failoverFile = dir.resolve("failover.yaml");
        Files.writeString(failoverFile, Files.readString(failoverFile).replace("  - db-legacy-2", "  - db-replica-1"));
        waitFor(() -> !app.viewModel().loadingProperty().get() && app.viewModel().findings().isEmpty()
                && graph().viewModel().sceneProperty().get().map(s -> s.topology() == app.viewModel().topology())
                        .orElse(false)); // the file watcher reloads by itself
        assertThat(findings.getText()).isEqualTo("Findings (0)");
        Edge fixed = scene().topology().graph().edgeSet().stream().filter(e -> e.kind() == EdgeKind.FAILOVER)
                .findFirst().orElseThrow();
        assertThat(fixed.to().name()).isEqualTo("db-replica-1");
        assertThat(scene().look(fixed).broken()).isFalse();
        // 6. export a PNG for the review
        Path png = tmp.resolve("review.png");
        robot.interact(() -> app.view().exportTo(png));
        waitFor(() -> Files.exists(png) && robot.lookup("#status").queryAs(Label.class).getText()
                .startsWith("Exported"));
        assertThat(javax.imageio.ImageIO.read(png.toFile())).isNotNull();
    }
}
