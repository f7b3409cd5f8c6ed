package dev.failscope.cli;

import dev.failscope.analysis.Rule;
import dev.failscope.analysis.RuleCatalog;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code failscope rules}: the catalogue. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "Lists every rule: id, severity and meaning.")
public final class RulesCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int width = RuleCatalog.standard().rules().stream().mapToInt(r -> r.id().length()).max().orElse(10);
        for (Rule r : RuleCatalog.standard().rules()) {
            out.printf("%-" + width + "s  %-7s  %s%n", r.id(), r.severity().label(), r.description());
        }
        out.flush();
        return ExitCodes.OK;
    }
}
