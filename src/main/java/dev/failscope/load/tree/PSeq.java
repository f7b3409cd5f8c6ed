package dev.failscope.load.tree;

import dev.failscope.model.SourcePosition;
import java.util.List;
import java.util.Objects;

/** A sequence, in the order written. */
public record PSeq(List<PNode> items, SourcePosition position) implements PNode {
    public PSeq {
        items = List.copyOf(items);
        Objects.requireNonNull(position, "position");
    }

    @Override
    public String describe() {
        return "a list";
    }
}
