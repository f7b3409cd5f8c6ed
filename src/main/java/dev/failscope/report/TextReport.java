package dev.failscope.report;

import dev.failscope.analysis.Inspection;
import dev.failscope.analysis.WaivedFinding;
import dev.failscope.load.LoadError;
import dev.failscope.model.Finding;
import dev.failscope.model.Severity;
import java.util.List;

/** {@code PATH:LINE:COL: SEVERITY: MESSAGE [RULE]}, then a summary line. */
public final class TextReport {
    private TextReport() {}

    public static String findings(Inspection inspection) {
        StringBuilder out = new StringBuilder();
        for (Finding f : inspection.findings()) {
            out.append(line(f)).append('\n');
        }
        for (WaivedFinding w : inspection.waived()) {
            out.append(waivedLine(w)).append('\n');
        }
        out.append(summary(inspection)).append('\n');
        return Escaping.textBlock(out.toString());
    }

    public static String line(Finding f) {
        return Escaping.textLine(f.position() + ": " + f.severity().label() + ": " + f.message() + " [" + f.rule()
                + "]");
    }

    /** {@code PATH:LINE:COL: waived SEVERITY: MESSAGE [RULE] (waived by OWNER until DATE: REASON)}. */
    public static String waivedLine(WaivedFinding w) {
        Finding f = w.finding();
        return Escaping.textLine(f.position() + ": waived " + f.severity().label() + ": " + f.message() + " ["
                + f.rule() + "] (waived by " + w.waiver().owner() + " until " + w.waiver().expires() + ": "
                + w.waiver().reason() + ")");
    }

    public static String errors(List<LoadError> errors) {
        StringBuilder out = new StringBuilder();
        for (LoadError e : errors) {
            out.append(Escaping.textLine(e.format())).append('\n');
        }
        out.append(plural(errors.size(), "load error")).append('\n');
        return Escaping.textBlock(out.toString());
    }

    public static String summary(Inspection inspection) {
        return plural(inspection.count(Severity.ERROR), "error") + ", "
                + plural(inspection.count(Severity.WARNING), "warning") + ", "
                + plural(inspection.count(Severity.INFO), "info")
                + (inspection.waived().isEmpty() ? "" : ", " + inspection.waived().size() + " waived") + " in "
                + plural(inspection.load().files().size(), "file");
    }

    static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
