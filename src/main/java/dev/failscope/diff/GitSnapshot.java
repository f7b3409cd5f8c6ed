package dev.failscope.diff;

import dev.failscope.load.LoadError;
import dev.failscope.load.SourceFile;
import dev.failscope.load.TopologyLoader;
import dev.failscope.model.SourcePosition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The files under some paths as they were at a git revision, read with {@code git ls-tree} and
 * {@code git cat-file} into a temporary directory. The working tree and the index are never touched. Each
 * file keeps the display path it has in the working tree, so both sides of a diff name files alike.
 * Close it to delete the temporary directory.
 */
public final class GitSnapshot implements AutoCloseable {
    private static final long GIT_TIMEOUT_SECONDS = 120;

    private final Path tempDir;
    private final List<SourceFile> files;
    private final List<LoadError> errors;

    private GitSnapshot(Path tempDir, List<SourceFile> files, List<LoadError> errors) {
        this.tempDir = tempDir;
        this.files = List.copyOf(files);
        this.errors = List.copyOf(errors);
    }

    /**
     * Extracts {@code paths} (files or directories, as given on the command line) at {@code revision}. A path
     * that did not exist at the revision contributes no files; a bad revision or a path outside a git
     * repository is a load error.
     */
    public static GitSnapshot extract(String revision, List<String> paths) throws IOException {
        Path temp = Files.createTempDirectory("failscope-git-");
        List<SourceFile> files = new ArrayList<>();
        List<LoadError> errors = new ArrayList<>();
        int index = 0;
        for (String arg : paths) {
            extractOne(revision, arg, temp.resolve(Integer.toString(index++)), files, errors);
        }
        return new GitSnapshot(temp, files, errors);
    }

    public List<SourceFile> files() {
        return files;
    }

    public List<LoadError> errors() {
        return errors;
    }

    /** Loads the snapshot's files. */
    public dev.failscope.load.LoadResult load(TopologyLoader loader) {
        return loader.loadFiles(files, errors);
    }

    private static void extractOne(String revision, String arg, Path into, List<SourceFile> files,
                                   List<LoadError> errors) throws IOException {
        Path abs = Path.of(arg).toAbsolutePath().normalize();
        Path dir = abs;
        while (dir != null && !Files.isDirectory(dir)) {
            dir = dir.getParent();
        }
        if (dir == null) {
            errors.add(new LoadError("no directory to run git in", SourcePosition.ofFile(arg)));
            return;
        }
        String rel = dir.relativize(abs).toString().replace('\\', '/');
        String spec = "./" + rel;
        Result verify = git(dir, into, "rev-parse", "--verify", "--quiet", revision + "^{commit}");
        if (verify.exit != 0) {
            errors.add(new LoadError("not a git revision here: '" + revision + "'" + verify.why(),
                    SourcePosition.ofFile(arg)));
            return;
        }
        Result type = git(dir, into, "cat-file", "-t", revision + ":" + spec);
        if (type.exit != 0) {
            return; // the path did not exist at the revision: that side has no files there
        }
        boolean directory = new String(type.out, StandardCharsets.UTF_8).strip().equals("tree");
        Result list = git(dir, into, "ls-tree", "-r", "-z", revision, "--", spec);
        if (list.exit != 0) {
            errors.add(new LoadError("git ls-tree failed" + list.why(), SourcePosition.ofFile(arg)));
            return;
        }
        String prefix = rel;
        // entries are "MODE TYPE OBJECT<TAB>PATH": keep regular files, skip symlinks (120000) and submodules
        List<String> names = Stream.of(new String(list.out, StandardCharsets.UTF_8).split("\0"))
                .filter(e -> e.indexOf('\t') > 0)
                .filter(e -> e.startsWith("100644 blob ") || e.startsWith("100755 blob "))
                .map(e -> e.substring(e.indexOf('\t') + 1))
                .sorted(Comparator.naturalOrder()).toList();
        for (String name : names) {
            String below = directory ? strip(prefix, name) : "";
            if (directory && (hidden(below) || !TopologyLoader.readInDirectory(fileName(name)))) {
                continue;
            }
            Result blob = git(dir, into, "cat-file", "blob", revision + ":./" + name);
            if (blob.exit != 0) {
                errors.add(new LoadError("git cat-file failed for " + name + blob.why(), SourcePosition.ofFile(arg)));
                continue;
            }
            Path target = into.resolve(name).normalize();
            if (!target.startsWith(into)) {
                continue;
            }
            Files.createDirectories(target.getParent());
            Files.write(target, blob.out);
            String display = directory ? join(arg, below) : arg;
            files.add(new SourceFile(display, target, !directory));
        }
    }

    private static String strip(String prefix, String name) {
        if (prefix.isEmpty()) {
            return name;
        }
        return name.startsWith(prefix + "/") ? name.substring(prefix.length() + 1) : name;
    }

    private static boolean hidden(String relative) {
        return Stream.of(relative.split("/")).anyMatch(part -> part.startsWith("."));
    }

    private static String fileName(String name) {
        return name.substring(name.lastIndexOf('/') + 1);
    }

    private static String join(String arg, String relative) {
        return arg.endsWith("/") || arg.endsWith("\\") ? arg + relative : arg + "/" + relative;
    }

    private record Result(int exit, byte[] out, String err) {
        String why() {
            String text = err.strip();
            return text.isEmpty() ? "" : ": " + text.lines().findFirst().orElse("");
        }
    }

    private static Result git(Path dir, Path scratch, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        Files.createDirectories(scratch);
        Path err = Files.createTempFile(scratch.getParent(), "git-", ".err");
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(err.toFile());
        pb.environment().put("GIT_TERMINAL_PROMPT", "0");
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            return new Result(127, new byte[0], "cannot run git: " + e.getMessage());
        }
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        try {
            if (!p.waitFor(GIT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(124, out, "git timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            return new Result(130, out, "interrupted");
        }
        String errText = Files.readString(err, StandardCharsets.UTF_8);
        Files.deleteIfExists(err);
        return new Result(p.exitValue(), out, errText);
    }

    @Override
    public void close() {
        try (Stream<Path> walk = Files.walk(tempDir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory left behind is harmless; the OS cleans it
        }
    }
}
