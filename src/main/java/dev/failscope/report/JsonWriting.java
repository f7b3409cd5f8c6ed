package dev.failscope.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.failscope.model.Finding;
import dev.failscope.model.SourcePosition;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** Deterministic pretty JSON (two-space indent, \n line ends) with shared shapes for findings and positions. */
final class JsonWriting {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonWriting() {}

    interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    static String write(Body body) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
            DefaultPrettyPrinter pp = new DefaultPrettyPrinter().withObjectIndenter(indenter)
                    .withArrayIndenter(indenter);
            g.setPrettyPrinter(pp);
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to a string cannot fail", e);
        }
        return out + "\n";
    }

    static void position(JsonGenerator g, String name, SourcePosition p) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeStringField("file", p.file());
        g.writeNumberField("line", p.line());
        g.writeNumberField("column", p.column());
        g.writeEndObject();
    }

    static void waived(JsonGenerator g, dev.failscope.analysis.WaivedFinding w) throws IOException {
        g.writeStartObject();
        g.writeFieldName("finding");
        finding(g, w.finding());
        g.writeObjectFieldStart("waiver");
        g.writeStringField("rule", w.waiver().rule());
        g.writeStringField("subject", w.waiver().subject());
        if (w.waiver().target() != null) {
            g.writeStringField("target", w.waiver().target());
        }
        g.writeStringField("reason", w.waiver().reason());
        g.writeStringField("owner", w.waiver().owner());
        g.writeStringField("expires", w.waiver().expires().toString());
        position(g, "position", w.waiver().position());
        g.writeEndObject();
        g.writeEndObject();
    }

    static void finding(JsonGenerator g, Finding f) throws IOException {
        g.writeStartObject();
        g.writeStringField("rule", f.rule());
        g.writeStringField("severity", f.severity().label());
        g.writeStringField("message", f.message());
        g.writeStringField("subject", f.subject());
        if (f.target() != null) {
            g.writeStringField("target", f.target());
        }
        position(g, "position", f.position());
        g.writeEndObject();
    }
}
