package dev.failscope.load.importers;

import dev.failscope.load.LoadSink;
import dev.failscope.model.Finding;
import dev.failscope.model.Severity;
import dev.failscope.model.SourcePosition;

/** What an importer session writes to: load errors and findings go to the sink, the topology to the model. */
public final class ImportContext {
    private final LoadSink sink;
    private final ImportedModel model;
    private final java.util.Map<dev.failscope.model.ManagerKind, String> versions;

    public ImportContext(LoadSink sink, ImportedModel model) {
        this(sink, model, java.util.Map.of());
    }

    /** A context that knows the release of each manager ({@code --manager-version}). */
    public ImportContext(LoadSink sink, ImportedModel model,
                         java.util.Map<dev.failscope.model.ManagerKind, String> versions) {
        this.sink = sink;
        this.model = model;
        this.versions = java.util.Map.copyOf(versions);
    }

    /** The release of a manager named by an option, or null for the newest. */
    public String version(dev.failscope.model.ManagerKind kind) {
        return versions.get(kind);
    }

    public LoadSink sink() {
        return sink;
    }

    public ImportedModel model() {
        return model;
    }

    public void error(String message, SourcePosition at) {
        sink.error(message, at);
    }

    public void finding(String rule, Severity severity, String message, String subject, String target,
                        SourcePosition at) {
        sink.finding(new Finding(rule, severity, message, subject, target, at));
    }

    /**
     * An {@code assumed-WHAT} info finding: the format is silent about something (the runtime primary, say), so
     * the importer assumed it, here is what and why.
     */
    public void assumed(String what, String message, String subject, SourcePosition at) {
        finding("assumed-" + what, Severity.INFO, message, subject, null, at);
    }
}
