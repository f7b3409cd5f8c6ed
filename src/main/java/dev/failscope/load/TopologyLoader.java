package dev.failscope.load;

import dev.failscope.load.tree.PNode;
import dev.failscope.load.tree.PSeq;
import dev.failscope.model.SourcePosition;
import dev.failscope.model.Topology;
import dev.failscope.model.TopologyBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Loads paths into one {@link Topology}. Never throws for bad input: every problem is a positioned
 * {@link LoadError}, and as many as can be found are reported.
 */
public final class TopologyLoader {
    /** Extensions picked up when a directory is given. */
    public static final Set<String> DIRECTORY_EXTENSIONS = Set.of("yaml", "yml", "json");

    private final LoadLimits limits;

    public TopologyLoader() {
        this(LoadLimits.DEFAULT);
    }

    public TopologyLoader(LoadLimits limits) {
        this.limits = limits;
    }

    public LoadResult load(List<String> paths) {
        List<LoadError> errors = new ArrayList<>();
        List<SourceFile> files = new PathExpander(DIRECTORY_EXTENSIONS).expand(paths, errors);
        return loadFiles(files, errors);
    }

    /**
     * Loads files already expanded, each with its own display path (the diff's {@code --git} side reads
     * files extracted to a temporary directory but shows them under their repository paths).
     */
    public LoadResult loadFiles(List<SourceFile> files, List<LoadError> earlier) {
        List<LoadError> errors = new ArrayList<>(earlier);
        TopologyBuilder builder = Topology.builder();
        LoadSink sink = new LoadSink(builder);
        for (SourceFile file : files) {
            builder.file(file.displayPath());
            loadFile(file, sink);
        }
        errors.addAll(sink.errors());
        return new LoadResult(builder.build(), errors, files);
    }

    private void loadFile(SourceFile file, LoadSink sink) {
        String display = file.displayPath();
        byte[] bytes;
        try {
            long size = Files.size(file.path());
            if (size > limits.maxFileBytes()) {
                sink.error("file is " + size + " bytes, over the limit of " + limits.maxFileBytes() + " bytes",
                        SourcePosition.ofFile(display));
                return;
            }
            bytes = Files.readAllBytes(file.path());
        } catch (IOException e) {
            sink.error("cannot read file: " + describe(e), SourcePosition.ofFile(display));
            return;
        }
        TextDecoder.Decoded decoded = TextDecoder.decode(bytes, display);
        if (decoded.error().isPresent()) {
            sink.error(decoded.error().get());
            return;
        }
        List<PNode> documents = parse(file, decoded.text(), sink);
        if (documents.isEmpty() && sink.errors().stream().noneMatch(e -> e.position().file().equals(display))) {
            sink.error("empty file: no documents", SourcePosition.ofFile(display));
            return;
        }
        NativeReader reader = new NativeReader(sink);
        documents.forEach(reader::read);
    }

    private List<PNode> parse(SourceFile file, String text, LoadSink sink) {
        List<LoadError> errors = new ArrayList<>();
        List<PNode> documents = new ArrayList<>();
        if ("json".equals(file.extension())) {
            PNode root = new JsonTreeParser(limits).parse(text, file.displayPath(), errors);
            if (root instanceof PSeq seq) {
                documents.addAll(seq.items());
            } else if (root != null) {
                documents.add(root);
            }
        } else {
            documents.addAll(new YamlTreeParser(limits).parse(text, file.displayPath(), errors));
        }
        errors.forEach(sink::error);
        return documents;
    }

    private static String describe(IOException e) {
        String name = e.getClass().getSimpleName();
        return e.getMessage() == null ? name : name.replace("Exception", "") + " " + e.getMessage();
    }
}
