package dev.failscope.ui.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RecentFilesAndSettingsTest {
    private final Preferences prefs = Preferences.userRoot().node("failscope-test-" + UUID.randomUUID());

    @AfterEach
    void removeNode() throws BackingStoreException {
        prefs.removeNode();
    }

    @Test
    void recentFilesPersistMostRecentFirstWithoutDuplicates() {
        RecentFiles recent = new RecentFiles(prefs);
        recent.add(List.of("a"));
        recent.add(List.of("b", "c"));
        recent.add(List.of("a"));
        RecentFiles reopened = new RecentFiles(prefs);
        assertThat(reopened.entries()).hasSize(2);
        assertThat(RecentFiles.paths(reopened.entries().get(0))).containsExactly("a");
        assertThat(RecentFiles.paths(reopened.entries().get(1))).containsExactly("b", "c");
    }

    @Test
    void recentFilesKeepAtMostTen() {
        RecentFiles recent = new RecentFiles(prefs);
        for (int i = 0; i < 15; i++) {
            recent.add(List.of("p" + i));
        }
        assertThat(new RecentFiles(prefs).entries()).hasSize(RecentFiles.MAX).first().isEqualTo("p14");
    }

    @Test
    void settingsRememberThemeWindowAndSplits() {
        UiSettings s = new UiSettings(prefs);
        assertThat(s.theme()).isEqualTo(UiSettings.Theme.LIGHT);
        s.theme(UiSettings.Theme.DARK);
        s.window(1500, 900, false);
        s.saveSplit("graph", 0.4);
        UiSettings again = new UiSettings(prefs);
        assertThat(again.theme()).isEqualTo(UiSettings.Theme.DARK);
        assertThat(again.width()).isEqualTo(1500);
        assertThat(again.height()).isEqualTo(900);
        assertThat(again.splitOr("graph", 0.7)).isEqualTo(0.4);
        assertThat(again.splitOr("other", 0.7)).isEqualTo(0.7);
    }
}
