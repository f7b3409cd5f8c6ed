package dev.failscope.support;

import dev.failscope.cli.FailscopeCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the real command line in-process with captured output. */
public final class Cli {
    private Cli() {}

    /** What one run printed and returned. */
    public record Run(int exit, String out, String err) {
        public String[] outLines() {
            return out.isEmpty() ? new String[0] : out.split("\n", -1);
        }
    }

    public static Run run(String... args) {
        CommandLine cl = FailscopeCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString().replace(System.lineSeparator(), "\n"),
                err.toString().replace(System.lineSeparator(), "\n"));
    }
}
