package dev.failscope.cli;

import picocli.AutoComplete;

/**
 * Prints the bash (and, through bashcompinit, zsh) completion script for every subcommand: the build runs it
 * into target/failscope-completion.bash. picocli's own {@code AutoComplete} main cannot do it, because it sees
 * only subcommands listed in {@code @Command(subcommands = ...)}, and {@link FailscopeCommand} adds them in code.
 */
public final class CompletionScript {
    private CompletionScript() {}

    /** The script, from the whole command line. */
    public static String bash() {
        return AutoComplete.bash("failscope", FailscopeCommand.commandLine());
    }

    public static void main(String[] args) {
        System.out.print(bash());
        System.out.flush();
    }
}
