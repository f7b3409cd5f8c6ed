package dev.failscope.cli;

import dev.failscope.load.Suggestions;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * How a usage error reads: one {@code failscope: ...} line, a "did you mean" for a mistyped command or option,
 * and where to find help. Exit code 2.
 */
final class UsageErrors {
    private UsageErrors() {}

    static int handle(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        if (ex instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            err.println("failscope: " + unmatched(cmd, u.getUnmatched().get(0)));
        } else {
            err.println("failscope: " + ex.getMessage());
        }
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return ExitCodes.LOAD_OR_USAGE;
    }

    /** "unknown command 'chek', did you mean check?" or "unknown option '--formt', did you mean --format?". */
    static String unmatched(CommandLine cmd, String word) {
        String w = word.contains("=") && word.startsWith("-") ? word.substring(0, word.indexOf('=')) : word;
        if (w.startsWith("-")) {
            List<String> names = new ArrayList<>();
            for (OptionSpec o : cmd.getCommandSpec().options()) {
                names.addAll(List.of(o.names()));
            }
            return "unknown option '" + w + "'" + didYouMean(w, names);
        }
        if (cmd.getParent() == null) {
            TreeSet<String> commands = new TreeSet<>(cmd.getSubcommands().keySet());
            return "unknown command '" + w + "'" + didYouMean(w, commands) + " (commands: "
                    + String.join(", ", commands) + "; to open files in the GUI: failscope gui PATH...)";
        }
        return "unexpected argument '" + w + "'";
    }

    private static String didYouMean(String word, java.util.Collection<String> candidates) {
        Optional<String> s = Suggestions.closest(word, candidates);
        return s.map(x -> ", did you mean " + x + "?").orElse("");
    }
}
