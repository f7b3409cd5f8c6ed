package dev.failscope.report.html;

import dev.failscope.load.importers.Secrets;
import dev.failscope.model.SourcePosition;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The lines around a source position, read from the file the position names (its display path, as the user
 * gave it). A file that cannot be read gives no snippet: the page then shows the position alone.
 */
final class SourceSnippets {
    // Lines are shown through Secrets.redact: connection strings and pooler configs hold passwords.
    static final int CONTEXT = 3;
    private static final int MAX_LINE = 300;

    private final Map<String, Optional<List<String>>> files = new HashMap<>();

    /** {@code {"start": n, "lines": [...]}} for the lines around the position, if its file is readable. */
    Optional<Map<String, Object>> around(SourcePosition p) {
        return lines(p.file()).filter(all -> p.line() <= all.size()).map(all -> {
            int from = Math.max(1, p.line() - CONTEXT);
            int to = Math.min(all.size(), p.line() + CONTEXT);
            List<String> shown = all.subList(from - 1, to).stream().map(Secrets::redact)
                    .map(l -> l.length() > MAX_LINE ? l.substring(0, MAX_LINE) + " …" : l).toList();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("start", from);
            m.put("lines", shown);
            return m;
        });
    }

    private Optional<List<String>> lines(String file) {
        return files.computeIfAbsent(file, f -> {
            try {
                Path path = Path.of(f);
                if (!Files.isRegularFile(path)) {
                    return Optional.empty();
                }
                return Optional.of(Files.readAllLines(path, StandardCharsets.UTF_8));
            } catch (MalformedInputException | InvalidPathException e) {
                return Optional.empty();
            } catch (IOException e) {
                return Optional.empty();
            }
        });
    }
}
