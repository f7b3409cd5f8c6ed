package dev.failscope.ui;

import java.util.List;
import javafx.application.Application;

/** Starts the JavaFX application on the given paths; blocks until the window closes. */
public final class GuiMain {
    private GuiMain() {}

    /** Called by {@code failscope gui} (by name, so the CLI never links JavaFX). */
    public static void run(List<String> paths) {
        Application.launch(FailscopeApp.class, paths.toArray(String[]::new));
    }
}
