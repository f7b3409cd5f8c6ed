package dev.failscope.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.failscope.analysis.Inspection;
import dev.failscope.analysis.Rule;
import dev.failscope.analysis.RuleCatalog;
import dev.failscope.analysis.WaivedFinding;
import dev.failscope.load.LoadError;
import dev.failscope.model.Finding;
import dev.failscope.model.Severity;
import dev.failscope.model.SourcePosition;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The {@code --format sarif} report: SARIF 2.1.0 with one run whose {@code tool.driver.rules} is the whole
 * catalogue, and one result per finding with a physical location (repository-relative URI, 1-based line and
 * column in code points). Load errors become tool execution notifications of a failed invocation. Output is
 * deterministic: no timestamps, no absolute paths for relative input.
 */
public final class SarifReport {
    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    public static final String INFORMATION_URI = "https://failscope.dev";

    private SarifReport() {}

    public static String findings(Inspection inspection, RuleCatalog catalog) {
        return findings(inspection.findings(), inspection.waived(), catalog);
    }

    /**
     * Results for {@code findings}, then for {@code waived} ones, each with an accepted external suppression
     * whose justification names the waiver's reason, owner and expiry. The diff passes only its introduced
     * findings.
     */
    public static String findings(List<Finding> findings, List<WaivedFinding> waived, RuleCatalog catalog) {
        Map<String, Integer> index = new LinkedHashMap<>();
        List<Finding> all = new ArrayList<>(findings);
        waived.forEach(w -> all.add(w.finding()));
        List<RuleRow> rules = rules(catalog, all, index);
        return JsonWriting.render(g -> {
            startRun(g, rules);
            g.writeArrayFieldStart("results");
            for (Finding f : findings) {
                result(g, f, index.get(f.rule()));
            }
            for (WaivedFinding w : waived) {
                suppressed(g, w, index.get(w.finding().rule()));
            }
            g.writeEndArray();
            invocation(g, List.of());
            endRun(g);
        });
    }

    public static String errors(List<LoadError> errors, RuleCatalog catalog) {
        List<RuleRow> rules = rules(catalog, List.of(), new LinkedHashMap<>());
        return JsonWriting.render(g -> {
            startRun(g, rules);
            g.writeArrayFieldStart("results");
            g.writeEndArray();
            invocation(g, errors);
            endRun(g);
        });
    }

    /** SARIF's level for a severity. */
    public static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    private record RuleRow(String id, String description, Severity severity) {}

    /** The catalogue in its printed order, then any rule id a finding used that the catalogue lacks. */
    private static List<RuleRow> rules(RuleCatalog catalog, List<Finding> findings, Map<String, Integer> index) {
        List<RuleRow> rows = new ArrayList<>();
        for (Rule r : catalog.rules()) {
            index.put(r.id(), rows.size());
            rows.add(new RuleRow(r.id(), r.description(), r.severity()));
        }
        TreeSet<String> extra = new TreeSet<>();
        Map<String, Severity> extraSeverity = new LinkedHashMap<>();
        for (Finding f : findings) {
            if (!index.containsKey(f.rule())) {
                extra.add(f.rule());
                extraSeverity.putIfAbsent(f.rule(), f.severity());
            }
        }
        for (String id : extra) {
            index.put(id, rows.size());
            rows.add(new RuleRow(id, id, extraSeverity.get(id)));
        }
        return rows;
    }

    private static void startRun(JsonGenerator g, List<RuleRow> rules) throws IOException {
        g.writeStartObject();
        g.writeStringField("$schema", SCHEMA);
        g.writeStringField("version", "2.1.0");
        g.writeArrayFieldStart("runs");
        g.writeStartObject();
        g.writeObjectFieldStart("tool");
        g.writeObjectFieldStart("driver");
        g.writeStringField("name", ToolInfo.name());
        g.writeStringField("version", ToolInfo.version());
        g.writeStringField("informationUri", INFORMATION_URI);
        g.writeArrayFieldStart("rules");
        for (RuleRow r : rules) {
            g.writeStartObject();
            g.writeStringField("id", r.id());
            g.writeObjectFieldStart("shortDescription");
            g.writeStringField("text", r.description());
            g.writeEndObject();
            g.writeObjectFieldStart("defaultConfiguration");
            g.writeStringField("level", level(r.severity()));
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
        g.writeStringField("columnKind", "unicodeCodePoints");
    }

    private static void endRun(JsonGenerator g) throws IOException {
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void result(JsonGenerator g, Finding f, int ruleIndex) throws IOException {
        g.writeStartObject();
        g.writeStringField("ruleId", f.rule());
        g.writeNumberField("ruleIndex", ruleIndex);
        g.writeStringField("level", level(f.severity()));
        message(g, f.message());
        locations(g, f.position());
        g.writeEndObject();
    }

    private static void suppressed(JsonGenerator g, WaivedFinding w, int ruleIndex) throws IOException {
        Finding f = w.finding();
        g.writeStartObject();
        g.writeStringField("ruleId", f.rule());
        g.writeNumberField("ruleIndex", ruleIndex);
        g.writeStringField("level", level(f.severity()));
        message(g, f.message());
        locations(g, f.position());
        g.writeArrayFieldStart("suppressions");
        g.writeStartObject();
        g.writeStringField("kind", "external");
        g.writeStringField("status", "accepted");
        g.writeStringField("justification", w.waiver().reason() + " (owner " + w.waiver().owner() + ", until "
                + w.waiver().expires() + ")");
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void invocation(JsonGenerator g, List<LoadError> errors) throws IOException {
        g.writeArrayFieldStart("invocations");
        g.writeStartObject();
        g.writeBooleanField("executionSuccessful", errors.isEmpty());
        if (!errors.isEmpty()) {
            g.writeArrayFieldStart("toolExecutionNotifications");
            for (LoadError e : errors) {
                g.writeStartObject();
                g.writeStringField("level", "error");
                message(g, e.message());
                locations(g, e.position());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
        g.writeEndArray();
    }

    private static void message(JsonGenerator g, String text) throws IOException {
        g.writeObjectFieldStart("message");
        g.writeStringField("text", text);
        g.writeEndObject();
    }

    private static void locations(JsonGenerator g, SourcePosition p) throws IOException {
        g.writeArrayFieldStart("locations");
        g.writeStartObject();
        g.writeObjectFieldStart("physicalLocation");
        g.writeObjectFieldStart("artifactLocation");
        g.writeStringField("uri", ArtifactUri.of(p.file()));
        g.writeEndObject();
        g.writeObjectFieldStart("region");
        g.writeNumberField("startLine", p.line());
        g.writeNumberField("startColumn", p.column());
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndArray();
    }
}
