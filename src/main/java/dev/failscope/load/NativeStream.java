package dev.failscope.load;

import dev.failscope.load.importers.Importer;
import dev.failscope.load.importers.NativeImporter;
import dev.failscope.load.importers.SourceText;
import dev.failscope.load.tree.PNode;
import dev.failscope.load.tree.PSeq;
import dev.failscope.model.Topology;
import dev.failscope.model.TopologyBuilder;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a YAML file in the native format while SnakeYAML parses it: each document is detected and read as soon as
 * it is complete, and each server of an inventory as soon as its item is, so no tree of the whole file is ever
 * alive and the collector copies declarations, not trees.
 *
 * <p>It gives exactly what parsing the whole file and then reading it gives. Every tree format's detection asks
 * whether <em>any</em> document matches, so asking it of each document in turn and taking the union is the same
 * question. When the union is anything but the native format alone (another format's document, nothing at all),
 * {@link #result} is empty and the loader parses the file again the ordinary way.
 */
final class NativeStream implements YamlTreeParser.Stream {
    private final SourceFile file;
    private final String text;
    private final LoadLimits limits;
    private final List<Importer> treeFormats;
    private final TopologyBuilder part = Topology.builder();
    private final LoadSink sink = new LoadSink(part);
    private final NativeReader reader = new NativeReader(sink);
    private final Set<String> detected = new LinkedHashSet<>();
    private final List<LoadError> parseErrors = new ArrayList<>();
    private TopologyBuilder serversPart;
    private LoadSink serversSink;
    private NativeReader serversReader;
    private NativeReader.PreRead pending;

    NativeStream(SourceFile file, String text, LoadLimits limits, List<Importer> treeFormats) {
        this.file = file;
        this.text = text;
        this.limits = limits;
        this.treeFormats = treeFormats;
    }

    /** Parses and reads the file; the declarations and errors when only the native format reads it. */
    Optional<TopologyLoader.NativePart> read(StringPool pool) {
        try {
            new YamlTreeParser(limits, pool).parse(text, file.displayPath(), parseErrors, this);
        } catch (OtherFormat e) {
            return Optional.empty();
        }
        if (!detected.equals(Set.of("native"))) {
            return Optional.empty();
        }
        List<LoadError> errors = new ArrayList<>(parseErrors); // syntax first, as the loader reports them
        errors.addAll(sink.errors());
        return Optional.of(new TopologyLoader.NativePart(part, errors));
    }

    @Override
    public void server(PNode item) {
        if (serversReader == null) {
            serversPart = Topology.builder();
            serversSink = new LoadSink(serversPart);
            serversReader = new NativeReader(serversSink);
        }
        serversReader.server(item);
    }

    @Override
    public void serversEnd(PSeq emptied) {
        pending = new NativeReader.PreRead(emptied, serversPart != null ? serversPart : Topology.builder(),
                serversSink != null ? List.copyOf(serversSink.errors()) : List.of());
        serversPart = null;
        serversSink = null;
        serversReader = null;
    }

    @Override
    public void document(PNode document) {
        SourceText alone = SourceText.parsed(file, text, limits, List.of(document), List.of());
        for (Importer format : treeFormats) {
            if (!detected.contains(format.id()) && format.detect(alone)) {
                detected.add(format.id());
            }
        }
        if (!detected.isEmpty() && !detected.equals(Set.of("native"))) {
            throw new OtherFormat(); // not for this reader: stop parsing now, the loader reads it the ordinary way
        }
        if (NativeImporter.reads(document)) {
            reader.read(document, pending);
        }
        pending = null;
    }

    /** Another format reads the file too. */
    private static final class OtherFormat extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OtherFormat() {
            super(null, null, false, false);
        }
    }
}
