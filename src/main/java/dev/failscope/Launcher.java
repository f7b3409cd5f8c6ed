package dev.failscope;

import dev.failscope.cli.FailscopeCommand;

/**
 * Process entry point. It does not extend {@code javafx.application.Application}, so the fat jar runs
 * without a module path, and it never touches the JavaFX toolkit for CLI commands.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        System.exit(FailscopeCommand.commandLine().execute(args));
    }
}
