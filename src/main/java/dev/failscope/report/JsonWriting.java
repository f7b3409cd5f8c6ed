package dev.failscope.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import dev.failscope.model.SourcePosition;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Shared JSON plumbing for the JSON and SARIF reports: UTF-8, keys in the order they are written, two-space
 * indentation, {@code \n} line ends on every platform and a final newline, so output is byte-stable.
 */
final class JsonWriting {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonWriting() {}

    /** What a report writes into a generator. */
    @FunctionalInterface
    interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    /** Runs {@code body} against a pretty-printing generator and returns the UTF-8 text. */
    static String render(Body body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator g = FACTORY.createGenerator(bytes, JsonEncoding.UTF8)) {
            g.setPrettyPrinter(printer());
            g.setCharacterEscapes(VisibleEscapes.INSTANCE);
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory cannot fail", e);
        }
        return bytes.toString(StandardCharsets.UTF_8) + "\n";
    }

    /**
     * JSON's own escapes, plus {@code \\uXXXX} for the characters {@link Escaping#visible} shows escaped (bidi
     * controls, separators, surrogates): the parsed value is the exact name, and the text on screen shows them.
     */
    private static final class VisibleEscapes extends CharacterEscapes {
        static final VisibleEscapes INSTANCE = new VisibleEscapes();
        private static final long serialVersionUID = 1L;
        private final int[] ascii = standardAsciiEscapesForJSON();

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch <= 0xFFFF && Escaping.hidden((char) ch)
                    ? new SerializedString(String.format("\\u%04X", ch)) : null;
        }
    }

    private static DefaultPrettyPrinter printer() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER);
        DefaultPrettyPrinter p = new DefaultPrettyPrinter(separators);
        p.indentObjectsWith(indenter);
        p.indentArraysWith(indenter);
        return p;
    }

    /** {@code {"file":…,"line":…,"column":…}}. */
    static void location(JsonGenerator g, SourcePosition p) throws IOException {
        g.writeStartObject();
        g.writeStringField("file", p.file());
        g.writeNumberField("line", p.line());
        g.writeNumberField("column", p.column());
        g.writeEndObject();
    }

    /** {@code {"name":…,"version":…}}. */
    static void tool(JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", ToolInfo.name());
        g.writeStringField("version", ToolInfo.version());
        g.writeEndObject();
    }
}
