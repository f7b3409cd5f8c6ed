package dev.failscope.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.failscope.diff.Change;
import dev.failscope.diff.Comparison;
import dev.failscope.diff.PrimaryLossOutcome;
import dev.failscope.diff.ResilienceDelta;
import dev.failscope.model.Finding;
import dev.failscope.model.Node;
import dev.failscope.model.Severity;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** The diff as JSON, for tools: every change with both positions and graph identities. */
public final class DiffJsonReport {
    private DiffJsonReport() {}

    public static String render(Comparison c, DiffLabels labels, boolean all, Severity failOn) {
        return JsonWriting.render(g -> {
            g.writeStartObject();
            g.writeFieldName("tool");
            JsonWriting.tool(g);
            g.writeStringField("before", labels.before());
            g.writeStringField("after", labels.after());
            g.writeBooleanField("fails", c.fails(failOn));
            g.writeArrayFieldStart("story");
            for (String s : c.story()) {
                g.writeString(s);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("touchedClusters");
            for (String s : c.touched()) {
                g.writeString(s);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("changes");
            for (Change ch : c.changes()) {
                change(g, ch);
            }
            g.writeEndArray();
            g.writeObjectFieldStart("findings");
            findings(g, "introduced", c.findings().introduced());
            findings(g, "resolved", c.findings().resolved());
            if (all) {
                findings(g, "unchanged", c.findings().unchanged());
            } else {
                g.writeNumberField("unchangedCount", c.findings().unchanged().size());
            }
            g.writeArrayFieldStart("waived");
            for (var w : c.after().waived()) {
                WaivedJson.write(g, w);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeObjectFieldStart("resilience");
            g.writeBooleanField("simulated", c.simulated());
            g.writeArrayFieldStart("clusters");
            for (ResilienceDelta d : c.resilience()) {
                resilience(g, d);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    private static void change(JsonGenerator g, Change ch) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", ch.type().label());
        g.writeStringField("element", ch.element().label());
        g.writeStringField("subject", ch.subject());
        optional(g, "target", ch.target());
        optional(g, "field", ch.field());
        optional(g, "before", ch.before());
        optional(g, "after", ch.after());
        if (ch.beforePosition().isPresent()) {
            g.writeFieldName("beforeLocation");
            JsonWriting.location(g, ch.beforePosition().get());
        }
        if (ch.afterPosition().isPresent()) {
            g.writeFieldName("afterLocation");
            JsonWriting.location(g, ch.afterPosition().get());
        }
        node(g, "node", ch.node());
        if (ch.edge().isPresent()) {
            g.writeObjectFieldStart("edge");
            g.writeStringField("kind", ch.edge().get().kind().name().toLowerCase(java.util.Locale.ROOT));
            node(g, "to", ch.edge().get().to());
            if (ch.edge().get().order() > 0) {
                g.writeNumberField("order", ch.edge().get().order());
            }
            g.writeEndObject();
        }
        g.writeStringField("message", ch.message());
        g.writeEndObject();
    }

    private static void node(JsonGenerator g, String name, Node n) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeStringField("kind", n.kind().name().toLowerCase(java.util.Locale.ROOT));
        g.writeStringField("name", n.name());
        g.writeBooleanField("missing", n.missing());
        g.writeEndObject();
    }

    private static void findings(JsonGenerator g, String name, List<Finding> findings) throws IOException {
        g.writeArrayFieldStart(name);
        for (Finding f : findings) {
            JsonReport.finding(g, f);
        }
        g.writeEndArray();
    }

    private static void resilience(JsonGenerator g, ResilienceDelta d) throws IOException {
        g.writeStartObject();
        g.writeStringField("cluster", d.cluster());
        g.writeStringField("primary", d.primary());
        outcome(g, "before", d.before());
        outcome(g, "after", d.after());
        g.writeBooleanField("regressed", d.regressed());
        g.writeEndObject();
    }

    private static void outcome(JsonGenerator g, String name, Optional<PrimaryLossOutcome> o) throws IOException {
        if (o.isEmpty()) {
            g.writeNullField(name);
            return;
        }
        g.writeObjectFieldStart(name);
        g.writeBooleanField("survived", o.get().survived());
        optional(g, "promoted", o.get().promoted());
        if (o.get().rto().isPresent()) {
            g.writeNumberField("rtoSeconds", o.get().rto().get().toMillis() / 1000.0);
        }
        g.writeStringField("summary", o.get().summary());
        g.writeEndObject();
    }

    private static void optional(JsonGenerator g, String name, Optional<String> value) throws IOException {
        if (value.isPresent()) {
            g.writeStringField(name, value.get());
        }
    }
}
