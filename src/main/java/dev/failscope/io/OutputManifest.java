package dev.failscope.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The record of what Failscope wrote into one folder: a hidden file of {@code SHA-256  RELATIVE-PATH} lines.
 * A file counts as Failscope's own only while its content still has the hash recorded here, so a user's edit
 * (or a stray copy of the manifest) never makes Failscope overwrite or delete it.
 */
public final class OutputManifest {
    private final Path root;
    private final String name;
    private final Map<String, String> hashes;

    private OutputManifest(Path root, String name, Map<String, String> hashes) {
        this.root = root;
        this.name = name;
        this.hashes = hashes;
    }

    /** The manifest {@code name} in {@code root}; empty when absent or unreadable. Malformed lines are ignored. */
    public static OutputManifest read(Path root, String name) {
        Map<String, String> hashes = new TreeMap<>();
        Path file = root.resolve(name);
        if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    int gap = line.indexOf("  ");
                    if (line.startsWith("#") || gap != 64 || !line.substring(0, 64).matches("[0-9a-f]{64}")) {
                        continue;
                    }
                    hashes.put(line.substring(66), line.substring(0, 64));
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                hashes.clear();
            }
        }
        return new OutputManifest(root, name, hashes);
    }

    public boolean exists() {
        return Files.isRegularFile(root.resolve(name), LinkOption.NOFOLLOW_LINKS);
    }

    /** The relative paths listed, sorted. */
    public java.util.Set<String> paths() {
        return java.util.Collections.unmodifiableSet(hashes.keySet());
    }

    /**
     * True when {@code relative} is listed and the regular file there (not a link) still has the recorded hash.
     */
    public boolean owns(String relative) {
        String recorded = hashes.get(relative);
        Path file = root.resolve(relative);
        if (recorded == null || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try {
            return recorded.equals(sha256(Files.readAllBytes(file)));
        } catch (IOException | OutOfMemoryError e) {
            return false;
        }
    }

    void record(String relative, byte[] content) {
        hashes.put(relative, sha256(content));
    }

    void forget(String relative) {
        hashes.remove(relative);
    }

    /** Writes the manifest (atomically, like every output). */
    void save(String header) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String line : header.split("\n", -1)) {
            if (!line.isEmpty()) {
                text.append("# ").append(line).append('\n');
            }
        }
        hashes.forEach((path, hash) -> text.append(hash).append("  ").append(path).append('\n'));
        AtomicFiles.replace(root.resolve(name), text.toString().getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
