package dev.failscope.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Every file Failscope writes goes through here. The rules:
 * <ul>
 *   <li>a target that resolves (through symbolic links) to a file that was read, or a folder that holds inputs,
 *       is refused;</li>
 *   <li>content goes to a temporary file in the target's folder, renamed into place;</li>
 *   <li>an existing file is replaced only when Failscope wrote it and it is unchanged since, which the
 *       {@value #MANIFEST} manifest in its folder records by SHA-256, or with {@code force};</li>
 *   <li>a target that exists and is not a regular file (a folder, FIFO, device) is refused, even with force.</li>
 * </ul>
 */
public final class SafeOutput {
    /** Hidden, so folder expansion never loads it. */
    public static final String MANIFEST = ".failscope-outputs";

    private static final String HEADER = "Files failscope wrote in this folder: SHA-256, then the path.\n"
            + "failscope replaces a listed file only while its content still has this hash.";

    private final Set<Path> inputFiles;
    private final Set<Path> inputFolders;
    private final Set<Path> inputTrees;
    private final boolean force;

    private SafeOutput(Set<Path> inputFiles, Set<Path> inputFolders, Set<Path> inputTrees, boolean force) {
        this.inputFiles = inputFiles;
        this.inputFolders = inputFolders;
        this.inputTrees = inputTrees;
        this.force = force;
    }

    /** No inputs to protect (generate). */
    public static SafeOutput unguarded(boolean force) {
        return new SafeOutput(Set.of(), Set.of(), Set.of(), force);
    }

    /**
     * Protects {@code filesRead} and their folders, and every folder named as input ({@code inputTrees}) with
     * everything below it from being written as a folder.
     */
    public static SafeOutput guarding(Collection<Path> filesRead, Collection<Path> inputTrees, boolean force) {
        Set<Path> files = new LinkedHashSet<>();
        Set<Path> folders = new LinkedHashSet<>();
        for (Path p : filesRead) {
            real(p).ifPresent(r -> {
                files.add(r);
                if (r.getParent() != null) {
                    folders.add(r.getParent());
                }
            });
        }
        Set<Path> trees = new LinkedHashSet<>();
        for (Path p : inputTrees) {
            real(p).filter(Files::isDirectory).ifPresent(r -> {
                trees.add(r);
                folders.add(r);
            });
        }
        return new SafeOutput(Set.copyOf(files), Set.copyOf(folders), Set.copyOf(trees), force);
    }

    /** Refuses a file target now (before expensive work); {@link #writeFile} checks again. */
    public void checkFile(Path target) throws OutputRefusedException {
        Path real = resolve(target);
        checkFileTarget(target, real, OutputManifest.read(parentOf(real), MANIFEST), real.getFileName().toString());
    }

    /** Writes {@code content} to {@code target}; returns the real path written. */
    public Path writeFile(Path target, byte[] content) throws OutputRefusedException, IOException {
        Path real = resolve(target);
        Path dir = parentOf(real);
        String name = real.getFileName().toString();
        OutputManifest manifest = OutputManifest.read(dir, MANIFEST);
        checkFileTarget(target, real, manifest, name);
        Files.createDirectories(dir);
        AtomicFiles.replace(real, content);
        manifest.record(name, content);
        manifest.save(HEADER);
        return real;
    }

    /** Refuses a folder target that holds inputs, lies inside a folder given as input, or is not a folder. */
    public Path checkFolder(Path dir) throws OutputRefusedException {
        Path real = resolve(dir);
        if (Files.exists(real) && !Files.isDirectory(real)) {
            throw new OutputRefusedException(dir + " exists and is not a directory");
        }
        if (inputFolders.contains(real)) {
            throw new OutputRefusedException("refusing to write into " + dir + ": it holds input files");
        }
        for (Path tree : inputTrees) {
            if (real.startsWith(tree)) {
                throw new OutputRefusedException("refusing to write into " + dir + ": it is inside " + tree
                        + ", which was given as input");
            }
        }
        for (Path input : inputFiles) {
            if (input.startsWith(real)) {
                throw new OutputRefusedException("refusing to write into " + dir + ": it holds input file "
                        + input);
            }
        }
        return real;
    }

    /**
     * Writes several files below {@code dir} (relative paths, '/'-separated), recording them in the manifest
     * {@code manifestName} there. Every target is checked before the first is written.
     */
    public List<Path> writeFolder(Path dir, Map<String, byte[]> files, String manifestName)
            throws OutputRefusedException, IOException {
        Path root = checkFolder(dir);
        OutputManifest manifest = OutputManifest.read(root, manifestName);
        Map<Path, byte[]> targets = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Path target = root.resolve(f.getKey()).normalize();
            if (!target.startsWith(root) || target.equals(root)) {
                throw new IllegalArgumentException("not a path below the folder: " + f.getKey());
            }
            Path real = resolve(target);
            if (!real.startsWith(root)) {
                throw new OutputRefusedException("refusing to write " + target + ": it resolves to " + real
                        + ", outside " + dir);
            }
            checkFileTarget(target, real, manifest, f.getKey());
            targets.put(real, f.getValue());
        }
        List<Path> written = new ArrayList<>();
        Files.createDirectories(root);
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Path real = resolve(root.resolve(f.getKey()).normalize());
            Files.createDirectories(real.getParent());
            AtomicFiles.replace(real, f.getValue());
            manifest.record(f.getKey(), f.getValue());
            written.add(real);
        }
        manifest.save(HEADER);
        return written;
    }

    /**
     * Deletes the files that {@code manifest} lists below {@code root} and that are still exactly what Failscope
     * wrote: regular files (not links), whose real folder is inside {@code root}, with the recorded hash. Anything
     * else is left alone. Returns the relative paths deleted.
     */
    public static List<String> deleteOwned(Path root, String manifestName) throws IOException {
        Path realRoot = root.toRealPath();
        OutputManifest manifest = OutputManifest.read(realRoot, manifestName);
        List<String> deleted = new ArrayList<>();
        for (String relative : List.copyOf(manifest.paths())) {
            Path file = realRoot.resolve(relative).normalize();
            if (!file.startsWith(realRoot) || file.equals(realRoot) || !Files.isRegularFile(file,
                    LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            if (!file.getParent().toRealPath().startsWith(realRoot) || !manifest.owns(relative)) {
                continue;
            }
            Files.delete(file);
            manifest.forget(relative);
            deleted.add(relative);
        }
        return deleted;
    }

    private void checkFileTarget(Path given, Path real, OutputManifest manifest, String relative)
            throws OutputRefusedException {
        if (inputFiles.contains(real)) {
            throw new OutputRefusedException("refusing to write " + given + ": "
                    + (real.equals(given.toAbsolutePath().normalize()) ? "it was read as input"
                    : "it resolves to " + real + ", which was read as input"));
        }
        if (real.getFileName().toString().startsWith(".failscope-")) {
            throw new OutputRefusedException("refusing to write " + given + ": the name is reserved for "
                    + "Failscope's own records");
        }
        if (!Files.exists(real, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isDirectory(real)) {
            throw new OutputRefusedException("cannot write " + given + ": it is a directory");
        }
        if (!Files.isRegularFile(real)) {
            throw new OutputRefusedException("refusing to write " + given + ": it is not a regular file");
        }
        if (!force && !manifest.owns(relative)) {
            throw new OutputRefusedException("refusing to overwrite " + given + ": it exists and Failscope did "
                    + "not write it (or it changed since); pass --force to replace it");
        }
    }

    /**
     * The real path a target stands for: an existing target with every link resolved, or the real path of its
     * nearest existing ancestor joined with the rest.
     */
    static Path resolve(Path target) throws OutputRefusedException {
        Path abs = target.toAbsolutePath().normalize();
        if (Files.isSymbolicLink(abs) && !Files.exists(abs)) {
            throw new OutputRefusedException("refusing to write " + target + ": it is a symbolic link to "
                    + "nothing (or a link loop)");
        }
        Path existing = abs;
        List<Path> rest = new ArrayList<>();
        while (existing != null && !Files.exists(existing)) {
            if (Files.isSymbolicLink(existing)) {
                throw new OutputRefusedException("refusing to write " + target + ": " + existing
                        + " is a symbolic link to nothing (or a link loop)");
            }
            rest.add(0, existing.getFileName());
            existing = existing.getParent();
        }
        if (existing == null) {
            throw new OutputRefusedException("cannot write " + target + ": no existing folder above it");
        }
        if (!rest.isEmpty() && !Files.isDirectory(existing)) {
            throw new OutputRefusedException("cannot write " + target + ": " + existing + " is not a directory");
        }
        try {
            Path real = existing.toRealPath();
            for (Path part : rest) {
                real = real.resolve(part);
            }
            return real;
        } catch (IOException e) {
            throw new OutputRefusedException("cannot write " + target + ": " + IoProblems.describe(e));
        }
    }

    private static Path parentOf(Path real) {
        Path parent = real.getParent();
        return parent == null ? real.getRoot() : parent;
    }

    private static java.util.Optional<Path> real(Path p) {
        try {
            return java.util.Optional.of(p.toRealPath());
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    /** True when a folder exists and has any entry. */
    public static boolean nonEmpty(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isPresent();
        }
    }
}
