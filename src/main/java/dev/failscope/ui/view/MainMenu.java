package dev.failscope.ui.view;

import dev.failscope.ui.viewmodel.RecentFiles;
import dev.failscope.ui.viewmodel.UiSettings.Theme;
import java.util.List;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.event.ActionEvent;
import javafx.event.EventHandler;
import javafx.scene.control.Alert;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.GridPane;

/** File, View, Simulate and Help menus. Accelerators are listed in {@link Shortcuts}. */
final class MainMenu {
    private final MenuBar bar = new MenuBar();
    private final MainView view;
    private final Menu recentMenu = new Menu("Open Recent");

    MainMenu(MainView view) {
        this.view = view;
        bar.setId("menu-bar");
        bar.getMenus().addAll(file(), viewMenu(), simulate(), help());
    }

    private Menu file() {
        Menu m = new Menu("File");
        m.getItems().addAll(
                item("Open File…", "Shortcut+O", e -> view.openFiles()),
                item("Open Folder…", "Shortcut+Shift+O", e -> view.openFolder()),
                recentMenu,
                item("Open Scenario…", null, e -> view.openScenarioFile()),
                item("Reload", "Shortcut+R", e -> view.vm().reload()),
                new SeparatorMenuItem(),
                item("Compare with…", "Shortcut+D", e -> view.diffMode().openDialog()),
                item("Clear comparison", null, e -> view.diff().clear()),
                new SeparatorMenuItem(),
                item("Connect…", "Shortcut+K", e -> view.connect()),
                item("Clear drift marks", null, e -> view.live().clear()),
                new SeparatorMenuItem(),
                item("Export PNG…", "Shortcut+E", e -> view.exportImage(false)),
                item("Export SVG…", "Shortcut+Shift+E", e -> view.exportImage(true)),
                item("Export scenario…", "Shortcut+Alt+E", e -> view.exportScenarioFile()),
                new SeparatorMenuItem(),
                item("Quit", "Shortcut+Q", e -> {
                    view.saveLayout();
                    Platform.exit();
                }));
        view.recent().entries().addListener((ListChangeListener<String>) c -> fillRecent());
        fillRecent();
        return m;
    }

    private void fillRecent() {
        recentMenu.getItems().clear();
        for (String entry : view.recent().entries()) {
            MenuItem mi = new MenuItem(entry);
            mi.setMnemonicParsing(false);
            mi.setOnAction(e -> view.vm().open(RecentFiles.paths(entry)));
            recentMenu.getItems().add(mi);
        }
        if (recentMenu.getItems().isEmpty()) {
            MenuItem none = new MenuItem("(none yet)");
            none.setDisable(true);
            recentMenu.getItems().add(none);
        } else {
            recentMenu.getItems().addAll(new SeparatorMenuItem(), item("Clear recent", null,
                    e -> view.recent().clear()));
        }
    }

    private Menu viewMenu() {
        Menu m = new Menu("View");
        CheckMenuItem legend = new CheckMenuItem("Show legend");
        legend.setAccelerator(KeyCombination.valueOf("L"));
        legend.selectedProperty().bindBidirectional(view.graph().legendShownProperty());
        ToggleGroup themes = new ToggleGroup();
        RadioMenuItem light = new RadioMenuItem("Light theme");
        RadioMenuItem dark = new RadioMenuItem("Dark theme");
        light.setToggleGroup(themes);
        dark.setToggleGroup(themes);
        (view.settings().theme() == Theme.DARK ? dark : light).setSelected(true);
        light.setOnAction(e -> view.applyTheme(Theme.LIGHT));
        dark.setOnAction(e -> view.applyTheme(Theme.DARK));
        CheckMenuItem filters = new CheckMenuItem("Filter bar");
        filters.setId("menu-filter-bar");
        filters.setAccelerator(KeyCombination.valueOf("Shortcut+Shift+F"));
        filters.selectedProperty().bindBidirectional(view.filterBarShown());
        CheckMenuItem minimap = new CheckMenuItem("Minimap");
        minimap.setAccelerator(KeyCombination.valueOf("M"));
        minimap.setOnAction(unlessTypingToggle(minimap));
        minimap.setSelected(true);
        minimap.selectedProperty().addListener((o, a, b) -> view.graph().minimapShownProperty().set(b));
        m.getItems().addAll(
                item("Fit to window", "F", unlessTyping(e -> view.graph().fit())),
                item("Zoom in", "Plus", unlessTyping(e -> view.graph().zoomBy(1.25))),
                item("Zoom out", "Minus", unlessTyping(e -> view.graph().zoomBy(0.8))),
                item("Find…", "Shortcut+F", e -> view.focusSearch()),
                legend,
                filters,
                minimap,
                item("Collapse / expand the selected cluster", "C", unlessTyping(e -> view.toggleCollapseSelected())),
                item("Expand everything", "Shift+C", unlessTyping(e -> view.collapse().expandAll())),
                item("Present", "F5", e -> view.present()),
                new SeparatorMenuItem(),
                light, dark);
        return m;
    }

    private Menu simulate() {
        Menu m = new Menu("Simulate");
        m.setId("simulate-menu");
        var sim = view.simulation();
        Menu domains = new Menu("Lose a zone, region or host");
        domains.setId("simulate-domain-menu");
        DomainMenu builder = new DomainMenu(view);
        domains.getItems().add(new MenuItem("(loading)"));
        m.setOnShowing(e -> domains.getItems().setAll(builder.items()));
        m.getItems().addAll(
                item("Simulate loss of selected server", "K", unlessTyping(e -> sim.simulateSelected())),
                domains,
                item("Step forward", "Shortcut+Right", e -> sim.stepForward()),
                item("Step back", "Shortcut+Left", e -> sim.stepBack()),
                item("Play / pause", "P", unlessTyping(e -> sim.playingProperty().set(!sim.playingProperty().get()))),
                item("Reset to start", "Home", unlessTyping(e -> sim.reset())),
                item("Jump to end", "End", unlessTyping(e -> sim.toEnd())),
                new SeparatorMenuItem(),
                item("Exit simulation", "Shortcut+Shift+X", e -> sim.exit()));
        return m;
    }

    private Menu help() {
        Menu m = new Menu("Help");
        m.getItems().add(item("Keyboard shortcuts", "F1", e -> showShortcuts()));
        return m;
    }

    private void showShortcuts() {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(view.stage());
        alert.setTitle("Keyboard shortcuts");
        alert.setHeaderText("Keyboard shortcuts");
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(4);
        int row = 0;
        for (List<String> s : Shortcuts.ALL) {
            grid.addRow(row++, new javafx.scene.control.Label(s.get(0)), new javafx.scene.control.Label(s.get(1)));
        }
        alert.getDialogPane().setContent(grid);
        alert.show();
    }

    /** Single-key accelerators must not fire while the user types in a text field. */
    private EventHandler<ActionEvent> unlessTyping(EventHandler<ActionEvent> action) {
        return e -> {
            if (!(view.stage().getScene().getFocusOwner() instanceof TextInputControl)) {
                action.handle(e);
            }
        };
    }

    /** A single-key check item typed into a text field: undo the toggle. */
    private EventHandler<ActionEvent> unlessTypingToggle(CheckMenuItem item) {
        return e -> {
            if (view.stage().getScene().getFocusOwner() instanceof TextInputControl) {
                item.setSelected(!item.isSelected());
            }
        };
    }

    static MenuItem item(String text, String accelerator, EventHandler<ActionEvent> action) {
        MenuItem mi = new MenuItem(text);
        if (accelerator != null) {
            mi.setAccelerator(KeyCombination.valueOf(accelerator));
        }
        mi.setOnAction(action);
        return mi;
    }

    MenuBar bar() {
        return bar;
    }
}
