package dev.failscope.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.failscope.analysis.WaivedFinding;
import java.io.IOException;

/** {@code {"finding":{…},"waiver":{"rule","subject","target","reason","owner","expires","location"}}}. */
final class WaivedJson {
    private WaivedJson() {}

    static void write(JsonGenerator g, WaivedFinding w) throws IOException {
        g.writeStartObject();
        g.writeFieldName("finding");
        JsonReport.finding(g, w.finding());
        g.writeObjectFieldStart("waiver");
        g.writeStringField("rule", w.waiver().rule());
        g.writeStringField("subject", w.waiver().subject());
        if (w.waiver().target() == null) {
            g.writeNullField("target");
        } else {
            g.writeStringField("target", w.waiver().target());
        }
        g.writeStringField("reason", w.waiver().reason());
        g.writeStringField("owner", w.waiver().owner());
        g.writeStringField("expires", w.waiver().expires().toString());
        g.writeFieldName("location");
        JsonWriting.location(g, w.waiver().position());
        g.writeEndObject();
        g.writeEndObject();
    }
}
