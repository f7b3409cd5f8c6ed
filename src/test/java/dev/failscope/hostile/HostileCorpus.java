package dev.failscope.hostile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The cases of {@code src/test/resources/hostile/corpus.txt}. */
record HostileCorpus(String name, List<String> expect, Map<String, String> files) {
    static final Path FILE = Path.of("src/test/resources/hostile/corpus.txt");

    static List<HostileCorpus> read() throws IOException {
        List<HostileCorpus> cases = new ArrayList<>();
        String name = null;
        List<String> expect = new ArrayList<>();
        Map<String, String> files = new LinkedHashMap<>();
        String file = null;
        StringBuilder body = new StringBuilder();
        for (String line : Files.readAllLines(FILE, StandardCharsets.UTF_8)) {
            if (line.startsWith("=== ") || line.startsWith("--- ")) {
                if (file != null) {
                    files.put(file, trimBlankTail(body));
                    file = null;
                }
                body.setLength(0);
            }
            if (line.startsWith("=== ")) {
                if (name != null) {
                    cases.add(new HostileCorpus(name, List.copyOf(expect), Map.copyOf(files)));
                }
                name = line.substring(4).trim();
                expect.clear();
                files.clear();
            } else if (line.startsWith("--- ")) {
                file = line.substring(4).trim();
            } else if (file != null) {
                body.append(line).append('\n');
            } else if (line.startsWith("expect: ")) {
                expect.add(line.substring(8));
            }
        }
        if (file != null) {
            files.put(file, trimBlankTail(body));
        }
        if (name != null) {
            cases.add(new HostileCorpus(name, List.copyOf(expect), Map.copyOf(files)));
        }
        return cases;
    }

    /** The blank line that separates cases is not part of the file; a file of only blank lines is empty. */
    private static String trimBlankTail(StringBuilder body) {
        String s = body.toString();
        while (s.endsWith("\n\n")) {
            s = s.substring(0, s.length() - 1);
        }
        return s.isBlank() ? "" : s;
    }

    /** Writes the files into {@code dir}; returns the first file's name. */
    String writeInto(Path dir) throws IOException {
        Files.createDirectories(dir);
        String first = null;
        for (Map.Entry<String, String> f : new java.util.TreeMap<>(files).entrySet()) {
            Files.writeString(dir.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
            first = first == null ? f.getKey() : first;
        }
        return first;
    }

    @Override
    public String toString() {
        return name;
    }
}
