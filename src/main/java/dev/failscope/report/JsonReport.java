package dev.failscope.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.failscope.analysis.Inspection;
import dev.failscope.load.LoadError;
import dev.failscope.model.Finding;
import dev.failscope.model.Severity;
import java.io.IOException;
import java.util.List;

/**
 * The {@code --format json} report. Keys come in the documented order:
 * <pre>
 * {"tool":{"name":…,"version":…},
 *  "findings":[{"rule","severity","message","subject","target"(or null),"location":{"file","line","column"}}],
 *  "waived":[{"finding":{…},"waiver":{"rule","subject","target","reason","owner","expires","location"}}],
 *  "summary":{"error","warning","info","files"}}
 * </pre>
 * and, when loading failed, {@code {"tool":…,"errors":[{"message","location"}]}}.
 */
public final class JsonReport {
    private JsonReport() {}

    public static String findings(Inspection inspection) {
        return JsonWriting.render(g -> {
            g.writeStartObject();
            g.writeFieldName("tool");
            JsonWriting.tool(g);
            g.writeArrayFieldStart("findings");
            for (Finding f : inspection.findings()) {
                finding(g, f);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("waived");
            for (var w : inspection.waived()) {
                WaivedJson.write(g, w);
            }
            g.writeEndArray();
            g.writeObjectFieldStart("summary");
            g.writeNumberField("error", inspection.count(Severity.ERROR));
            g.writeNumberField("warning", inspection.count(Severity.WARNING));
            g.writeNumberField("info", inspection.count(Severity.INFO));
            g.writeNumberField("files", inspection.load().files().size());
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    public static String errors(List<LoadError> errors) {
        return JsonWriting.render(g -> {
            g.writeStartObject();
            g.writeFieldName("tool");
            JsonWriting.tool(g);
            g.writeArrayFieldStart("errors");
            for (LoadError e : errors) {
                g.writeStartObject();
                g.writeStringField("message", e.message());
                g.writeFieldName("location");
                JsonWriting.location(g, e.position());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    static void finding(JsonGenerator g, Finding f) throws IOException {
        g.writeStartObject();
        g.writeStringField("rule", f.rule());
        g.writeStringField("severity", f.severity().label());
        g.writeStringField("message", f.message());
        g.writeStringField("subject", f.subject());
        if (f.target() == null) {
            g.writeNullField("target");
        } else {
            g.writeStringField("target", f.target());
        }
        g.writeFieldName("location");
        JsonWriting.location(g, f.position());
        g.writeEndObject();
    }
}
