package dev.failscope.report;

import dev.failscope.model.Finding;
import dev.failscope.model.Severity;
import java.util.ArrayList;
import java.util.List;

/** "2 errors, 1 warning" style counts. */
final class DiffCounts {
    private DiffCounts() {}

    static String bySeverity(List<Finding> findings) {
        List<String> parts = new ArrayList<>();
        for (Severity s : Severity.values()) {
            long n = findings.stream().filter(f -> f.severity() == s).count();
            if (n > 0) {
                parts.add(s == Severity.INFO ? n + " info" : TextReport.plural(n, s.label()));
            }
        }
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }
}
