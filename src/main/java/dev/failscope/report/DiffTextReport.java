package dev.failscope.report;

import dev.failscope.diff.Change;
import dev.failscope.diff.Comparison;
import dev.failscope.diff.ResilienceDelta;
import dev.failscope.model.Finding;
import java.util.List;

/** The diff for a terminal: the story, the changes with positions on both sides, findings, resilience. */
public final class DiffTextReport {
    private DiffTextReport() {}

    public static String render(Comparison c, DiffLabels labels, boolean all) {
        StringBuilder out = new StringBuilder();
        out.append("failscope diff: ").append(Escaping.visible(labels.before())).append(" -> ")
                .append(Escaping.visible(labels.after())).append('\n');
        for (String line : c.story()) {
            out.append("! ").append(Escaping.visible(line)).append('\n');
        }
        out.append('\n').append("Changes (").append(c.changes().size()).append("):\n");
        if (c.changes().isEmpty()) {
            out.append("  (none)\n");
        }
        for (Change ch : c.changes()) {
            out.append("  ").append(ch.type().mark()).append(' ').append(Escaping.visible(ch.message())).append('\n');
            ch.beforePosition().ifPresent(p -> out.append("      before: ").append(p).append('\n'));
            ch.afterPosition().ifPresent(p -> out.append("      after:  ").append(p).append('\n'));
        }
        findings(out, "Findings introduced", c.findings().introduced());
        findings(out, "Findings resolved", c.findings().resolved());
        if (all) {
            findings(out, "Findings unchanged", c.findings().unchanged());
        }
        if (!c.after().waived().isEmpty()) {
            out.append('\n').append("Findings waived (").append(c.after().waived().size()).append("):\n");
            c.after().waived().forEach(w -> out.append("  ").append(TextReport.waivedLine(w)).append('\n'));
        }
        out.append('\n').append("Resilience (primary loss, before -> after):\n");
        if (!c.simulated()) {
            out.append("  (not simulated)\n");
        } else if (c.resilience().isEmpty()) {
            out.append("  (no cluster touched)\n");
        }
        for (ResilienceDelta d : c.resilience()) {
            out.append("  ").append(Escaping.visible(d.describe())).append('\n');
        }
        out.append('\n').append(summary(c)).append('\n');
        return Escaping.textBlock(out.toString());
    }

    public static String summary(Comparison c) {
        return TextReport.plural(c.changes().size(), "change") + "; findings: "
                + c.findings().introduced().size() + " introduced ("
                + DiffCounts.bySeverity(c.findings().introduced()) + "), "
                + c.findings().resolved().size() + " resolved, " + c.findings().unchanged().size() + " unchanged"
                + (c.after().waived().isEmpty() ? "" : ", " + c.after().waived().size() + " waived")
                + (c.regressions().isEmpty() ? "" : "; " + c.regressions().size()
                + (c.regressions().size() == 1 ? " primary loss" : " primary losses") + " turned into an outage");
    }

    private static void findings(StringBuilder out, String title, List<Finding> findings) {
        out.append('\n').append(title).append(" (").append(findings.size()).append("):\n");
        if (findings.isEmpty()) {
            out.append("  (none)\n");
        }
        for (Finding f : findings) {
            out.append("  ").append(TextReport.line(f)).append('\n');
        }
    }
}
