package dev.failscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.layout.Box;
import dev.failscope.model.Node;
import dev.failscope.ui.graph.Palette;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Review defects of issue 14, each on the real application: each test failed before its fix. */
class ReviewDefectsAppTest extends AppTestBase {

    @Test
    void aServerWithAFindingShowsItsBadgeAtNormalZoom() throws Exception {
        Node legacy = Node.server("db-legacy-2");
        var img = lookAt(legacy, 1.0);
        Box b = box(legacy);
        // the ✖ badge straddles the box's top-right corner (the broken failover edge arrives on the left)
        assertThat(pixelsIn(img, Palette.LIGHT.danger(), b.maxX() - 24, b.y() - 9, 32, 19))
                .as("red of the ✖ finding badge on db-legacy-2").isGreaterThan(60);
    }

    @Test
    void openingAnotherFolderMovesTheSourcePaneToItsFiles() throws Exception {
        robot.interact(() -> app.viewModel().select(Node.server("db-main-1")));
        waitFor(() -> sourceTitle().contains("sample-topologies/catifyme/"));

        open("sample-topologies/catifyme-fixed");

        assertThat(app.viewModel().selectionProperty().get()).isEqualTo(Node.server("db-main-1"));
        assertThat(sourceTitle()).contains("sample-topologies/catifyme-fixed/");
        assertThat(app.viewModel().focusProperty().get().file()).contains("catifyme-fixed");
    }

    private String sourceTitle() {
        return robot.lookup(".details-section").queryAllAs(Label.class).stream().map(Label::getText)
                .filter(t -> t.startsWith("Source")).findFirst().orElse("");
    }

    @Test
    void openRecentListsAFolderOpenedDuringTheSession() throws Exception {
        for (int i = 0; i < 3; i++) {
            System.gc(); // the menu's listener used to hang on a wrapper that only a weak reference held
        }
        open("sample-topologies/catifyme-fixed");
        assertThat(recentItems()).contains("sample-topologies/catifyme-fixed", "sample-topologies/catifyme");
        assertThat(recentItems().get(0)).isEqualTo("sample-topologies/catifyme-fixed");
    }

    java.util.List<String> recentItems() {
        MenuBar bar = robot.lookup("#menu-bar").queryAs(MenuBar.class);
        Menu recent = (Menu) bar.getMenus().get(0).getItems().stream().filter(i -> "Open Recent".equals(i.getText()))
                .findFirst().orElseThrow();
        return recent.getItems().stream().map(MenuItem::getText).filter(t -> t != null).toList();
    }

    @Test
    void aFolderWithNothingToLoadIsNotReportedAsPassing(@TempDir Path empty) throws Exception {
        open(empty.toString());
        assertThat(app.viewModel().topology().isEmpty()).isTrue();
        String shown = robot.lookup("#findings-placeholder").queryAs(Label.class).getText();
        assertThat(shown).doesNotContain("passes").startsWith("Nothing was loaded");
    }
}
