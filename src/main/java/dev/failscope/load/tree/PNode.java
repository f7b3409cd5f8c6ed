package dev.failscope.load.tree;

import dev.failscope.model.SourcePosition;

/**
 * A parsed YAML or JSON node that remembers where it was written. YAML and JSON both become this tree,
 * so the native reader and every importer work on one shape.
 */
public sealed interface PNode permits PScalar, PMap, PSeq {
    SourcePosition position();

    /** "a string", "a list", "a map": for "expected X, got Y" messages. */
    String describe();
}
