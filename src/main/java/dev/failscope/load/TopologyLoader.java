package dev.failscope.load;

import dev.failscope.load.importers.ImportContext;
import dev.failscope.load.importers.ImportResolver;
import dev.failscope.load.importers.ImportedModel;
import dev.failscope.load.importers.Importer;
import dev.failscope.load.importers.Importers;
import dev.failscope.load.importers.NativeImporter;
import dev.failscope.load.importers.SourceText;
import dev.failscope.load.importers.UnreadFile;
import dev.failscope.load.tree.PMap;
import dev.failscope.load.tree.PNode;
import dev.failscope.load.tree.PScalar;
import dev.failscope.load.tree.PSeq;
import dev.failscope.model.Finding;
import dev.failscope.model.Severity;
import dev.failscope.model.SourcePosition;
import dev.failscope.model.Topology;
import dev.failscope.model.TopologyBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Loads paths into one {@link Topology}. Never throws for bad input: every problem is a positioned
 * {@link LoadError}, and as many as can be found are reported.
 *
 * <p>Each file's format is detected by content ({@link Importers}); every importer that recognises a file reads
 * it. Reading is two-phase: all files are read, then each importer resolves what it collected, then the
 * imported topology is cross-checked against the native inventory.
 */
public final class TopologyLoader {
    /** Extensions picked up when a directory is given. */
    public static final Set<String> DIRECTORY_EXTENSIONS = Set.of("yaml", "yml", "json", "conf", "cnf", "cfg",
            "tf", "tfvars", "ini", "js", "sample", "env", "properties");

    /**
     * True for a file a directory load picks up: a known extension, a {@code .sample} or {@code .sample-*} copy
     * (pgpool ships {@code pgpool.conf.sample-stream}), an extensionless Ansible inventory named {@code hosts}
     * or {@code inventory}, a {@code .properties} file, or a dotenv file ({@code .env}, {@code app.env},
     * {@code .env.production}).
     */
    public static boolean readInDirectory(String fileName) {
        String name = fileName.toLowerCase(java.util.Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1);
        return DIRECTORY_EXTENSIONS.contains(ext) || ext.startsWith("sample-") || name.equals("hosts")
                || name.equals("inventory") || PathExpander.dotenv(name);
    }

    /** Rule id of the info finding for a file in a directory that no importer recognises. */
    public static final String UNRECOGNIZED_FILE = UnreadFile.RULE;

    private final LoadLimits limits;
    private final LoadOptions options;
    private final Importers importers;
    private final int threads;
    private final List<Importer> treeFormats;
    private final boolean streaming;

    public TopologyLoader() {
        this(LoadLimits.DEFAULT);
    }

    public TopologyLoader(LoadLimits limits) {
        this(limits, LoadOptions.DEFAULT);
    }

    public TopologyLoader(LoadOptions options) {
        this(LoadLimits.DEFAULT, options);
    }

    public TopologyLoader(LoadLimits limits, LoadOptions options) {
        this(limits, options, ReadAhead.defaultThreads());
    }

    /**
     * A loader that reads and parses files on {@code threads} worker threads ahead of building the model (one:
     * everything on the caller's thread). The result does not depend on the number.
     */
    public TopologyLoader(LoadLimits limits, LoadOptions options, int threads) {
        this(limits, options, threads, true);
    }

    /**
     * As above; {@code streaming} reads native YAML files as they are parsed ({@link NativeStream}, the default),
     * and false parses each file whole before reading it: the reference that tests compare streaming with.
     */
    public TopologyLoader(LoadLimits limits, LoadOptions options, int threads, boolean streaming) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        this.limits = limits;
        this.options = options;
        this.threads = threads;
        this.streaming = streaming;
        this.importers = Importers.standard();
        this.treeFormats = importers.all().stream().filter(i -> !i.lineBased()).toList();
        options.forcedFormatOpt().ifPresent(id -> {
            if (importers.byId(id).isEmpty()) {
                throw new IllegalArgumentException("unknown format '" + id + "': expected one of " + importers.ids());
            }
        });
    }

    /** The format ids {@code --as} accepts. */
    public static List<String> formats() {
        return Importers.standard().ids();
    }

    public LoadResult load(List<String> paths) {
        List<LoadError> errors = new ArrayList<>();
        List<String> all = new ArrayList<>(paths);
        options.inventories().stream().filter(p -> !all.contains(p)).forEach(all::add);
        List<SourceFile> files = new PathExpander(TopologyLoader::readInDirectory).expand(all, errors, options);
        if (!options.inventories().isEmpty()) {
            java.util.Set<java.nio.file.Path> seen = new java.util.HashSet<>();
            files = files.stream().filter(f -> seen.add(f.path().toAbsolutePath().normalize())).toList();
        }
        return loadFiles(files, errors);
    }

    /**
     * {@code --inventory}: the servers declared by those files (native inventories, Ansible inventories) are the
     * authoritative inventory, at the first one's position; an inventory path that declares no server is an error.
     */
    private void markAuthoritative(TopologyBuilder builder, List<SourceFile> files, LoadSink sink) {
        for (String inv : options.inventories()) {
            String shown = options.display(inv);
            java.nio.file.Path root = java.nio.file.Path.of(inv).toAbsolutePath().normalize();
            java.util.Set<String> displays = files.stream()
                    .filter(f -> f.path().toAbsolutePath().normalize().startsWith(root))
                    .map(SourceFile::displayPath).collect(Collectors.toSet());
            Optional<SourcePosition> first = builder.servers().stream().map(s -> s.position())
                    .filter(p -> displays.contains(p.file())).findFirst();
            if (first.isPresent()) {
                builder.authoritativeInventory(first.get());
            } else {
                sink.error("--inventory " + shown + " declares no server (a native inventory or an Ansible "
                        + "inventory is expected)", SourcePosition.ofFile(shown));
            }
        }
    }

    /**
     * Loads files already expanded, each with its own display path (the diff's {@code --git} side reads
     * files extracted to a temporary directory but shows them under their repository paths).
     */
    public LoadResult loadFiles(List<SourceFile> files, List<LoadError> earlier) {
        List<LoadError> errors = new ArrayList<>(earlier);
        TopologyBuilder builder = Topology.builder();
        LoadSink sink = new LoadSink(builder);
        ImportedModel imported = new ImportedModel();
        ImportContext context = new ImportContext(sink, imported, options.managerVersions());
        Map<Importer, Importer.Session> sessions = new LinkedHashMap<>();
        StringPool pool = new StringPool();
        // largest files first, so that no big file ends the load alone on one worker; within a budget of file
        // bytes read ahead of the model (their parsed trees, for imported formats, are several times larger)
        try (ReadAhead<SourceFile, FileRead> ahead = new ReadAhead<>(files, f -> read(f, pool), threads,
                TopologyLoader::sizeOf, Runtime.getRuntime().maxMemory() / 64)) {
            for (SourceFile file : files) {
                builder.file(file.displayPath());
                FileRead read = ahead.next();
                read.error().ifPresent(sink::error);
                if (read.nativePart().isPresent()) {
                    NativePart part = read.nativePart().get();
                    sessions.computeIfAbsent(importers.byId("native").orElseThrow(), i -> i.open(context));
                    part.errors().forEach(sink::error);
                    builder.append(part.builder());
                } else {
                    read.text().ifPresent(text -> dispatch(text, sink, context, sessions, read.hits()));
                }
            }
        }
        for (Importer importer : importers.all()) {
            Importer.Session session = sessions.get(importer);
            if (session != null) {
                session.finish();
            }
        }
        markAuthoritative(builder, files, sink);
        new ImportResolver(builder).resolve(imported, options.managerVersions());
        new RouteResolver(builder).resolve();
        errors.addAll(sink.errors());
        Topology topology = builder.build();
        errors.addAll(CascadeDepth.check(topology));
        return new LoadResult(topology, errors, files);
    }

    private static long sizeOf(SourceFile file) {
        try {
            return Files.size(file.path());
        } catch (IOException | RuntimeException e) {
            return 0; // read() reports it
        }
    }

    private void dispatch(SourceText text, LoadSink sink, ImportContext context,
                          Map<Importer, Importer.Session> sessions, Optional<List<Importer>> detected) {
        Optional<Importer> forced = options.forcedFormatOpt().filter(id -> text.file().explicit())
                .flatMap(importers::byId);
        if (forced.isPresent()) {
            if (text.structured() || !forced.get().lineBased()) {
                text.parseErrors().forEach(sink::error);
            }
            sessions.computeIfAbsent(forced.get(), i -> i.open(context)).read(text, true);
            return;
        }
        List<Importer> hits = detected.orElseGet(() -> detect(text));
        if (text.structured() || hits.stream().anyMatch(i -> !i.lineBased())) {
            text.parseErrors().forEach(sink::error);
        }
        if (!hits.isEmpty()) {
            hits.forEach(i -> sessions.computeIfAbsent(i, x -> x.open(context)).read(text, false));
            return;
        }
        String display = text.display();
        if (text.structured() && !text.parseErrors().isEmpty()) {
            return;
        }
        if (text.structured() && text.documents().isEmpty()) {
            sink.error("empty file: no documents", SourcePosition.ofFile(display));
        } else if (text.structured() && text.documents().stream().allMatch(TopologyLoader::trivial)) {
            PNode first = text.documents().get(0);
            sink.error("a document must be a map with a 'kind', got " + (first instanceof PMap ? "an empty map"
                    : first.describe()), first.position());
        } else if (text.file().explicit()) {
            sink.error("not a format Failscope reads; tried " + tried() + " (force one with --as FORMAT)",
                    SourcePosition.ofFile(display));
        } else {
            sink.finding(new Finding(UNRECOGNIZED_FILE, Severity.INFO, "skipped: " + UnreadFile.describe(text)
                    + " (tried " + tried() + "; force one with --as FORMAT)", display, null,
                    SourcePosition.ofFile(display)));
        }
    }

    /**
     * A document that no tool's config can be: a scalar, null, an empty map, or a list of nothing but scalars.
     * In a folder it is a load error (not a skipped file), since it is most likely a Failscope file gone wrong.
     */
    private static boolean trivial(PNode doc) {
        if (doc instanceof PMap m) {
            return m.entries().isEmpty();
        }
        if (doc instanceof PSeq seq) {
            return seq.items().stream().allMatch(PScalar.class::isInstance);
        }
        return true;
    }

    /**
     * The importers that recognise the file. Tree formats and line formats exclude each other, so the family
     * the extension suggests is tried first and the other only when it finds nothing: a large YAML file is never
     * tokenised as a redis.conf.
     */
    private List<Importer> detect(SourceText text) {
        boolean linesFirst = !text.structured();
        for (boolean lines : List.of(linesFirst, !linesFirst)) {
            List<Importer> hits = importers.all().stream().filter(i -> i.lineBased() == lines)
                    .filter(i -> i.detect(text)).toList();
            if (!hits.isEmpty()) {
                return hits;
            }
        }
        return List.of();
    }

    private String tried() {
        return importers.all().stream().map(Importer::id).collect(Collectors.joining(", "));
    }

    /**
     * One file read, decoded and, for YAML and JSON files, parsed and detected; or why it could not be read. A
     * file that only the native format reads is read on the worker too, into {@code nativePart}, and its tree is
     * dropped there: what reaches the loader is then the declarations, not the tree.
     */
    private record FileRead(Optional<SourceText> text, Optional<LoadError> error, Optional<List<Importer>> hits,
                            Optional<NativePart> nativePart) {
        static FileRead failed(String message, String display) {
            return failed(new LoadError(message, SourcePosition.ofFile(display)));
        }

        static FileRead failed(LoadError error) {
            return new FileRead(Optional.empty(), Optional.of(error), Optional.empty(), Optional.empty());
        }
    }

    /** The declarations of one native file and its problems in the order met (syntax first, as dispatch has it). */
    record NativePart(TopologyBuilder builder, List<LoadError> errors) {}

    /** Runs on a worker of {@link ReadAhead}: touches nothing shared, and reports through its result. */
    private FileRead read(SourceFile file, StringPool pool) {
        String display = file.displayPath();
        byte[] bytes;
        try {
            if (SpecialFiles.isSpecial(file.path())) {
                bytes = SpecialFiles.read(file.path(), limits.maxFileBytes());
            } else {
                bytes = Files.size(file.path()) > limits.maxFileBytes() ? null : Files.readAllBytes(file.path());
            }
            if (bytes == null || bytes.length > limits.maxFileBytes()) {
                return FileRead.failed("file is " + (bytes == null ? Files.size(file.path()) + " bytes" : "more than "
                        + limits.maxFileBytes() + " bytes") + ", over the limit of " + limits.maxFileBytes()
                        + " bytes", display);
            }
        } catch (SpecialFiles.TimedOut e) {
            return FileRead.failed("cannot read file: " + e.getMessage(), display);
        } catch (IOException e) {
            return FileRead.failed("cannot read file: " + describe(e), display);
        }
        TextDecoder.Decoded decoded = TextDecoder.decode(bytes, display);
        if (decoded.error().isPresent()) {
            return FileRead.failed(decoded.error().get());
        }
        SourceText text = new SourceText(file, decoded.text(), limits, pool);
        boolean forced = options.forcedFormatOpt().isPresent() && file.explicit();
        if (!text.structured() || forced) {
            return new FileRead(Optional.of(text), Optional.empty(), Optional.empty(), Optional.empty());
        }
        if (streaming && !"json".equals(file.extension()) && !text.text().isEmpty()) {
            Optional<NativePart> streamed = new NativeStream(file, decoded.text(), limits, treeFormats).read(pool);
            if (streamed.isPresent()) {
                return new FileRead(Optional.empty(), Optional.empty(), Optional.empty(), streamed);
            }
        }
        List<Importer> hits = detect(text); // parsed and detected here, on the worker
        if (hits.size() == 1 && hits.get(0).id().equals("native")) {
            TopologyBuilder part = Topology.builder();
            LoadSink partSink = new LoadSink(part);
            text.parseErrors().forEach(partSink::error);
            NativeImporter.read(text, new NativeReader(partSink));
            return new FileRead(Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.of(new NativePart(part, partSink.errors())));
        }
        return new FileRead(Optional.of(text), Optional.empty(), Optional.of(hits), Optional.empty());
    }

    private static String describe(IOException e) {
        return dev.failscope.io.IoProblems.describe(e);
    }
}
