package dev.failscope.report;

import dev.failscope.analysis.Rule;
import dev.failscope.analysis.WaivedFinding;
import dev.failscope.load.LoadError;
import dev.failscope.model.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * JUnit XML, so CI dashboards show Failscope results as tests: one testcase per rule and subject with
 * findings (classname {@code failscope.RULE}, name the subject). A testcase fails when one of its findings
 * is at or above --fail-on; below it, it passes with the findings in {@code system-out}; fully waived it is
 * skipped. Every rule of the catalogue without findings is one passing testcase named "(no findings)".
 */
public final class JUnitReport {
    private JUnitReport() {}

    public static String render(CiResult result, List<Rule> catalogue) {
        Map<String, Map<String, Case>> cases = new TreeMap<>();
        for (Finding f : result.findings()) {
            cases.computeIfAbsent(f.rule(), k -> new TreeMap<>()).computeIfAbsent(f.subject(), k -> new Case())
                    .findings.add(f);
        }
        for (WaivedFinding w : result.waived()) {
            cases.computeIfAbsent(w.finding().rule(), k -> new TreeMap<>())
                    .computeIfAbsent(w.finding().subject(), k -> new Case()).waived.add(w);
        }
        for (Rule r : catalogue) {
            cases.computeIfAbsent(r.id(), k -> new TreeMap<>());
        }
        int tests = 0;
        int failures = 0;
        int skipped = 0;
        StringBuilder body = new StringBuilder();
        for (Map.Entry<String, Map<String, Case>> rule : cases.entrySet()) {
            if (rule.getValue().isEmpty()) {
                tests++;
                body.append("    <testcase classname=\"").append(attr("failscope." + rule.getKey()))
                        .append("\" name=\"(no findings)\"/>\n");
                continue;
            }
            for (Map.Entry<String, Case> subject : rule.getValue().entrySet()) {
                tests++;
                Case c = subject.getValue();
                List<Finding> failing = c.findings.stream().filter(result::fails).toList();
                body.append("    <testcase classname=\"").append(attr("failscope." + rule.getKey()))
                        .append("\" name=\"").append(attr(subject.getKey())).append('"');
                Finding first = !c.findings.isEmpty() ? c.findings.get(0) : c.waived.get(0).finding();
                body.append(" file=\"").append(attr(first.position().file())).append("\" line=\"")
                        .append(first.position().line()).append("\">\n");
                if (!failing.isEmpty()) {
                    failures++;
                    body.append("      <failure type=\"").append(attr(failing.get(0).severity().label()))
                            .append("\" message=\"").append(attr(failing.get(0).message())).append("\">")
                            .append(text(lines(c.findings))).append("</failure>\n");
                } else if (c.findings.isEmpty()) {
                    skipped++;
                    WaivedFinding w = c.waived.get(0);
                    body.append("      <skipped message=\"").append(attr("waived by " + w.waiver().owner() + " until "
                            + w.waiver().expires() + ": " + w.waiver().reason())).append("\"/>\n");
                } else {
                    body.append("      <system-out>").append(text(lines(c.findings))).append("</system-out>\n");
                }
                body.append("    </testcase>\n");
            }
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<testsuites name=\"failscope\" tests=\"" + tests + "\" failures=\"" + failures + "\" errors=\"0\""
                + " skipped=\"" + skipped + "\">\n"
                + "  <testsuite name=\"" + attr(result.suite()) + "\" tests=\"" + tests + "\" failures=\"" + failures
                + "\" errors=\"0\" skipped=\"" + skipped + "\">\n"
                + body
                + "  </testsuite>\n</testsuites>\n";
    }

    /** Load errors: one erroring testcase per file, classname {@code failscope.load}. */
    public static String errors(String suite, List<LoadError> errors) {
        Map<String, List<LoadError>> byFile = new TreeMap<>();
        errors.forEach(e -> byFile.computeIfAbsent(e.position().file(), k -> new ArrayList<>()).add(e));
        StringBuilder body = new StringBuilder();
        for (Map.Entry<String, List<LoadError>> e : byFile.entrySet()) {
            StringBuilder text = new StringBuilder();
            e.getValue().forEach(x -> text.append(x.format()).append('\n'));
            body.append("    <testcase classname=\"failscope.load\" name=\"").append(attr(e.getKey()))
                    .append("\" file=\"").append(attr(e.getKey())).append("\">\n")
                    .append("      <error type=\"load-error\" message=\"").append(attr(e.getValue().get(0).message()))
                    .append("\">").append(text(text.toString())).append("</error>\n    </testcase>\n");
        }
        int n = byFile.size();
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<testsuites name=\"failscope\" tests=\"" + n + "\" failures=\"0\" errors=\"" + n
                + "\" skipped=\"0\">\n"
                + "  <testsuite name=\"" + attr(suite) + "\" tests=\"" + n + "\" failures=\"0\" errors=\"" + n
                + "\" skipped=\"0\">\n" + body + "  </testsuite>\n</testsuites>\n";
    }

    private static String lines(List<Finding> findings) {
        StringBuilder out = new StringBuilder();
        for (Finding f : findings) {
            out.append(TextReport.line(f)).append('\n');
        }
        return out.toString();
    }

    private static final class Case {
        final List<Finding> findings = new ArrayList<>();
        final List<WaivedFinding> waived = new ArrayList<>();
    }

    static String attr(String s) {
        return Escaping.xml(s);
    }

    /** A character XML 1.0 allows. */
    private static boolean xmlChar(int cp) {
        return cp == 0x09 || cp == 0x0A || cp == 0x0D || cp >= 0x20 && cp <= 0xD7FF || cp >= 0xE000 && cp <= 0xFFFD
                || cp >= 0x10000 && cp <= 0x10FFFF;
    }

    static String text(String s) {
        return body(Escaping.textBlock(s));
    }

    /** Character data of already-visible text: its line ends kept, the XML specials escaped. */
    private static String body(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> {
                    if (xmlChar(cp)) {
                        out.appendCodePoint(cp);
                    } else {
                        out.append('\uFFFD');
                    }
                }
            }
        });
        return out.toString();
    }
}
