package dev.failscope.load;

import dev.failscope.model.SourcePosition;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Strict UTF-8 decoding that turns binary or mis-encoded input into a positioned load error. */
final class TextDecoder {
    private static final int BINARY_PROBE = 8192;

    private TextDecoder() {}

    /** The decoded text (without a BOM), or an error naming the first bad byte's line and column. */
    static Decoded decode(byte[] bytes, String file) {
        int probe = Math.min(bytes.length, BINARY_PROBE);
        for (int i = 0; i < probe; i++) {
            if (bytes[i] == 0) {
                return Decoded.error(new LoadError("binary file (NUL byte at offset " + i
                        + "): expected UTF-8 YAML, JSON or config text", SourcePosition.ofFile(file)));
            }
        }
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        if (ascii(bytes, start)) { // nearly every config: one intrinsic scan and one copy, no decoder
            return new Decoded(new String(bytes, start, bytes.length - start, StandardCharsets.ISO_8859_1),
                    Optional.empty());
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            return Decoded.error(badByte(bytes, start, in.position(), file));
        }
        result = decoder.flush(out);
        if (result.isError()) {
            return Decoded.error(badByte(bytes, start, in.position(), file));
        }
        out.flip();
        return new Decoded(out.toString(), Optional.empty());
    }

    private static boolean ascii(byte[] bytes, int start) {
        for (int i = start; i < bytes.length; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private static LoadError badByte(byte[] bytes, int start, int offset, String file) {
        int line = 1;
        int col = 1;
        for (int i = start; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                col = 1;
            } else if ((bytes[i] & 0xC0) != 0x80) {
                col++;
            }
        }
        String hex = offset < bytes.length ? String.format("0x%02X", bytes[offset] & 0xff) : "end of file";
        return new LoadError("not valid UTF-8 (byte " + hex + "): save the file as UTF-8",
                new SourcePosition(file, line, col));
    }

    record Decoded(String text, Optional<LoadError> error) {
        static Decoded error(LoadError e) {
            return new Decoded("", Optional.of(e));
        }
    }
}
