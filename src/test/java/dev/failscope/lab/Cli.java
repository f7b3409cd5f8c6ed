package dev.failscope.lab;

import dev.failscope.cli.FailscopeCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs {@code failscope ARGS...} in-process, as a user would, capturing stdout, stderr and the exit code. */
final class Cli {
    record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private Cli() {}

    /** Runs and appends the command and its output to {@code transcript} (the scenario's record for the docs). */
    static Result record(java.nio.file.Path transcript, String... args) {
        Result r = run(args);
        try {
            java.nio.file.Files.writeString(transcript, "$ failscope " + String.join(" ", args) + "\n" + r.out() + r.err()
                    + "# exit " + r.exit() + "\n", java.nio.charset.StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return r;
    }

    static Result run(String... args) {
        CommandLine cl = FailscopeCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }
}
