package dev.failscope.report;

import dev.failscope.diff.Change;
import dev.failscope.diff.Comparison;
import dev.failscope.diff.ResilienceDelta;
import dev.failscope.model.Finding;
import dev.failscope.model.Severity;
import java.util.List;
import java.util.Optional;

/** The diff as a pull-request comment: a headline, a summary table, then the details. */
public final class DiffMarkdownReport {
    private DiffMarkdownReport() {}

    public static String render(Comparison c, DiffLabels labels, boolean all, Severity failOn) {
        StringBuilder out = new StringBuilder();
        boolean fails = c.fails(failOn);
        out.append("### Failscope: ").append(fails ? "this change breaks failover" : "no new failover problems")
                .append("\n\n");
        out.append("Comparing ").append(Markdown.code(labels.before())).append(" \u2192 ")
                .append(Markdown.code(labels.after())).append(".\n\n");
        for (String line : c.story()) {
            out.append("> **").append(Markdown.text(line)).append("**\n>\n");
        }
        if (!c.story().isEmpty()) {
            out.setLength(out.length() - 2);
            out.append("\n");
        }
        summaryTable(out, c);
        details(out, c, all);
        return out.toString();
    }

    private static void summaryTable(StringBuilder out, Comparison c) {
        out.append("| | |\n| --- | --- |\n");
        out.append("| Changes | ").append(c.changes().size()).append(" |\n");
        out.append("| Findings introduced | ").append(c.findings().introduced().size()).append(" (")
                .append(DiffCounts.bySeverity(c.findings().introduced())).append(") |\n");
        out.append("| Findings resolved | ").append(c.findings().resolved().size()).append(" |\n");
        out.append("| Findings unchanged | ").append(c.findings().unchanged().size()).append(" |\n");
        if (!c.after().waived().isEmpty()) {
            out.append("| Findings waived | ").append(c.after().waived().size()).append(" |\n");
        }
        out.append("| Clusters touched | ").append(c.touched().isEmpty() ? "none"
                : String.join(", ", c.touched().stream().map(Markdown::code).toList())).append(" |\n");
        if (c.simulated()) {
            for (ResilienceDelta d : c.resilience()) {
                out.append("| Losing ").append(Markdown.code(d.primary())).append(" (").append(Markdown.code(
                        d.cluster())).append(") | ").append(outcome(d.before())).append(" \u2192 ")
                        .append(outcome(d.after())).append(" |\n");
            }
        } else {
            out.append("| Primary loss | not simulated |\n");
        }
        out.append('\n');
    }

    private static String outcome(Optional<dev.failscope.diff.PrimaryLossOutcome> o) {
        return o.map(x -> x.survived() ? "survived (" + Markdown.text(x.summary()) + ")"
                : "**OUTAGE** (" + Markdown.text(x.summary()) + ")").orElse("n/a");
    }

    private static void details(StringBuilder out, Comparison c, boolean all) {
        out.append("#### Changes\n\n");
        if (c.changes().isEmpty()) {
            out.append("None.\n");
        }
        for (Change ch : c.changes()) {
            out.append("- ").append(Markdown.code(ch.type().mark())).append(' ').append(Markdown.text(ch.message()));
            ch.beforePosition().ifPresent(p -> out.append(" \u2014 before ").append(Markdown.code(p.toString())));
            ch.afterPosition().ifPresent(p -> out.append(" \u2014 after ").append(Markdown.code(p.toString())));
            out.append('\n');
        }
        findings(out, "Findings introduced", c.findings().introduced());
        findings(out, "Findings resolved", c.findings().resolved());
        if (all) {
            findings(out, "Findings unchanged", c.findings().unchanged());
        }
        if (!c.after().waived().isEmpty()) {
            out.append("\n#### Findings waived (").append(c.after().waived().size()).append(")\n\n");
            for (var w : c.after().waived()) {
                out.append("- ").append(w.finding().severity().label()).append(' ')
                        .append(Markdown.code(w.finding().rule())).append(" at ")
                        .append(Markdown.code(w.finding().position().toString())).append(": ")
                        .append(Markdown.text(w.finding().message())).append(" \u2014 waived by ")
                        .append(Markdown.text(w.waiver().owner())).append(" until ")
                        .append(w.waiver().expires().toString()).append(": ")
                        .append(Markdown.text(w.waiver().reason())).append('\n');
            }
        }
        if (!c.resilience().isEmpty()) {
            out.append("\n#### Resilience\n\n");
            for (ResilienceDelta d : c.resilience()) {
                out.append("- ").append(Markdown.text(d.describe())).append('\n');
            }
        }
    }

    private static void findings(StringBuilder out, String title, List<Finding> findings) {
        out.append("\n#### ").append(title).append(" (").append(findings.size()).append(")\n\n");
        if (findings.isEmpty()) {
            out.append("None.\n");
        }
        for (Finding f : findings) {
            out.append("- **").append(f.severity().label()).append("** ").append(Markdown.code(f.rule()))
                    .append(" at ").append(Markdown.code(f.position().toString())).append(": ")
                    .append(Markdown.text(f.message())).append('\n');
        }
    }
}
