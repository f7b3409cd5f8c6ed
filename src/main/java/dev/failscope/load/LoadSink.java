package dev.failscope.load;

import dev.failscope.model.Finding;
import dev.failscope.model.SourcePosition;
import dev.failscope.model.TopologyBuilder;
import dev.failscope.model.UnknownKey;
import java.util.ArrayList;
import java.util.List;

/** Collects what readers produce: declarations into the builder, problems as errors. Never throws. */
public final class LoadSink {
    private final TopologyBuilder builder;
    private final List<LoadError> errors = new ArrayList<>();

    public LoadSink(TopologyBuilder builder) {
        this.builder = builder;
    }

    public TopologyBuilder builder() {
        return builder;
    }

    public void error(String message, SourcePosition position) {
        errors.add(new LoadError(message, position));
    }

    public void error(LoadError e) {
        errors.add(e);
    }

    public void unknownKey(UnknownKey key) {
        builder.unknownKey(key);
    }

    public void finding(Finding f) {
        builder.loadFinding(f);
    }

    public List<LoadError> errors() {
        return errors;
    }
}
