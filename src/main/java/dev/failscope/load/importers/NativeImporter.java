package dev.failscope.load.importers;

import dev.failscope.load.NativeReader;
import dev.failscope.load.tree.PMap;
import dev.failscope.load.tree.PNode;

/**
 * The native {@code failscope/v1} format: documents with a {@code kind} and no {@code apiVersion}. Native
 * declarations go straight into the builder; documents with an {@code apiVersion} (Kubernetes objects in the
 * same file) are left to the other importers.
 */
public final class NativeImporter implements Importer {
    @Override
    public String id() {
        return "native";
    }

    @Override
    public String label() {
        return "Failscope native (kind: inventory/cluster/failover/service)";
    }

    @Override
    public boolean detect(SourceText source) {
        for (PNode d : source.documents()) { // asked of every document: no stream
            if (NativeReader.isNative(d)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Session open(ImportContext context) {
        NativeReader reader = new NativeReader(context.sink());
        return (source, forced) -> read(source, reader);
    }

    /** Reads the native documents of a file; documents with an {@code apiVersion} are left to other importers. */
    public static void read(SourceText source, NativeReader reader) {
        for (PNode doc : source.documents()) {
            if (reads(doc)) {
                reader.read(doc);
            }
        }
    }

    /** True for a document this format reads: any but one with an {@code apiVersion}. */
    public static boolean reads(PNode doc) {
        return !(doc instanceof PMap m && m.get("apiVersion").isPresent());
    }
}
