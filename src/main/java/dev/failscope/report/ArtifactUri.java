package dev.failscope.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Turns a display path into a SARIF artifact URI: a relative reference with forward slashes (so code scanning
 * resolves it against the repository root), {@code ./} segments dropped, and characters outside the URI
 * alphabet percent-encoded. An absolute path becomes a {@code file:} URI.
 */
public final class ArtifactUri {
    private ArtifactUri() {}

    public static String of(String displayPath) {
        String slashed = displayPath.replace('\\', '/');
        if (isAbsolute(displayPath)) {
            return Path.of(displayPath).toUri().toASCIIString();
        }
        while (slashed.startsWith("./")) {
            slashed = slashed.substring(2);
        }
        slashed = slashed.replace("/./", "/");
        return encode(slashed);
    }

    private static boolean isAbsolute(String path) {
        return path.startsWith("/") || path.startsWith("\\") || path.matches("^[A-Za-z]:[\\\\/].*");
    }

    private static String encode(String path) {
        StringBuilder out = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~/!$&'()*+,;=@".indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }
}
