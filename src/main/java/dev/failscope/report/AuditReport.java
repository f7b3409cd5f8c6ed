package dev.failscope.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;

/** The audit table as text, JSON or markdown. */
public final class AuditReport {
    private static final String[] HEADERS = {"ENVIRONMENT", "CLUSTERS", "ERRORS", "WARNINGS", "NO VIABLE FAILOVER",
        "SINGLE POINTS OF FAILURE"};

    private AuditReport() {}

    public static String text(List<Audit.Row> rows) {
        String[][] cells = new String[rows.size() + 1][];
        cells[0] = HEADERS;
        for (int i = 0; i < rows.size(); i++) {
            cells[i + 1] = cells(rows.get(i));
        }
        int[] width = new int[HEADERS.length];
        for (String[] line : cells) {
            for (int c = 0; c < line.length; c++) {
                width[c] = Math.max(width[c], line[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] line : cells) {
            StringBuilder l = new StringBuilder();
            for (int c = 0; c < line.length; c++) {
                l.append(c == 0 ? TimelineText.pad(line[c], width[c]) : pad(line[c], width[c])).append("  ");
            }
            out.append(l.toString().stripTrailing()).append('\n');
        }
        out.append('\n');
        for (Audit.Row r : rows) {
            if (r.loadErrors() > 0) {
                out.append(Escaping.visible(r.environment())).append(": ").append(TextReport.plural(r.loadErrors(), "load error"))
                        .append(" (run failscope check on it for details)\n");
            }
            if (!r.clustersWithoutViableFailover().isEmpty()) {
                out.append(Escaping.visible(r.environment() + ": no viable failover: "
                        + String.join(", ", r.clustersWithoutViableFailover()))).append('\n');
            }
            if (!r.singlePointsOfFailure().isEmpty()) {
                out.append(Escaping.visible(r.environment() + ": single points of failure: "
                        + String.join(", ", r.singlePointsOfFailure()))).append('\n');
            }
        }
        out.append(Escaping.visible(summary(rows))).append('\n');
        return Escaping.textBlock(out.toString());
    }

    public static String markdown(List<Audit.Row> rows) {
        StringBuilder out = new StringBuilder("### Failscope audit\n\n");
        out.append("| Environment | Clusters | Errors | Warnings | No viable failover | Single points of failure |\n");
        out.append("| --- | ---: | ---: | ---: | --- | --- |\n");
        for (Audit.Row r : rows) {
            out.append("| ").append(Markdown.text(r.environment())).append(" | ").append(r.clusters()).append(" | ")
                    .append(r.loadErrors() > 0 ? "**" + TextReport.plural(r.loadErrors(), "load error") + "**"
                            : r.errors() > 0 ? "**" + r.errors() + "**" : "0")
                    .append(" | ").append(r.warnings()).append(" | ").append(names(r.clustersWithoutViableFailover()))
                    .append(" | ").append(names(r.singlePointsOfFailure())).append(" |\n");
        }
        out.append('\n').append(Markdown.text(summary(rows))).append('\n');
        return out.toString();
    }

    public static String json(List<Audit.Row> rows) {
        return JsonWriting.render(g -> {
            g.writeStartObject();
            g.writeFieldName("tool");
            JsonWriting.tool(g);
            g.writeArrayFieldStart("environments");
            for (Audit.Row r : rows) {
                g.writeStartObject();
                g.writeStringField("environment", r.environment());
                g.writeNumberField("clusters", r.clusters());
                g.writeNumberField("errors", r.errors());
                g.writeNumberField("warnings", r.warnings());
                g.writeNumberField("loadErrors", r.loadErrors());
                strings(g, "clustersWithoutViableFailover", r.clustersWithoutViableFailover());
                strings(g, "singlePointsOfFailure", r.singlePointsOfFailure());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeBooleanField("fails", rows.stream().anyMatch(Audit.Row::hasError));
            g.writeEndObject();
        });
    }

    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    private static String[] cells(Audit.Row r) {
        return new String[] {Escaping.visible(r.environment()), Integer.toString(r.clusters()),
            r.loadErrors() > 0 ? "load" : Long.toString(r.errors()), Long.toString(r.warnings()),
            Integer.toString(r.clustersWithoutViableFailover().size()),
            Integer.toString(r.singlePointsOfFailure().size())};
    }

    private static String names(List<String> names) {
        return names.isEmpty() ? "0" : names.size() + ": " + String.join(", ", names.stream().map(Markdown::code)
                .toList());
    }

    private static String pad(String s, int width) {
        return " ".repeat(Math.max(0, width - s.length())) + s;
    }

    static String summary(List<Audit.Row> rows) {
        List<String> failing = rows.stream().filter(Audit.Row::hasError).map(Audit.Row::environment).toList();
        return TextReport.plural(rows.size(), "environment") + "; " + (failing.isEmpty() ? "none with errors"
                : failing.size() + " with errors: " + String.join(", ", failing));
    }
}
