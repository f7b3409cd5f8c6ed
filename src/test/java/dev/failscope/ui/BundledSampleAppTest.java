package dev.failscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import org.junit.jupiter.api.Test;

/** Launched with no path: the bundled sample is shown by its name and never becomes a recent entry. */
class BundledSampleAppTest extends AppTestBase {
    @Override
    String[] arguments() {
        return new String[0];
    }

    @Test
    void theBundledSampleIsNamedAndNotRecordedAsRecent() throws Exception {
        assertThat(app.viewModel().topology().cluster("catify-main")).isPresent();
        assertThat(stage.getTitle()).isEqualTo("Failscope — catifyme (bundled sample)");
        assertThat(app.view().recentEntries()).isEmpty();
        MenuBar bar = robot.lookup("#menu-bar").queryAs(MenuBar.class);
        Menu recent = (Menu) bar.getMenus().get(0).getItems().stream().filter(i -> "Open Recent".equals(i.getText()))
                .findFirst().orElseThrow();
        assertThat(recent.getItems()).extracting(MenuItem::getText).containsExactly("(none yet)");
    }
}
