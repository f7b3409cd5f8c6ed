package dev.failscope.analysis;

import dev.failscope.load.LoadError;
import dev.failscope.load.LoadResult;
import dev.failscope.load.TopologyLoader;
import dev.failscope.model.Finding;
import dev.failscope.model.Severity;
import dev.failscope.model.SourcePosition;
import dev.failscope.model.Topology;
import java.util.List;

/**
 * A loaded topology and its findings, sorted by file, line, column, then rule. Findings accepted by a live
 * waiver are not in {@code findings} (they never fail a run) but in {@code waived}.
 */
public record Inspection(LoadResult load, List<Finding> findings, List<WaivedFinding> waived) {
    public Inspection {
        findings = findings.stream().sorted(Finding.ORDER).toList();
        waived = waived.stream().sorted(WaivedFinding.ORDER).toList();
    }

    /** An inspection with nothing waived. */
    public Inspection(LoadResult load, List<Finding> findings) {
        this(load, findings, List.of());
    }

    public Topology topology() {
        return load.topology();
    }

    public List<LoadError> errors() {
        return load.errors();
    }

    public boolean hasLoadErrors() {
        return !load.errors().isEmpty();
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    /**
     * This inspection, or, when loading succeeded but read no server, cluster, failover policy, service or route (no
     * file, an empty or mistyped folder, only files in formats Failscope does not read), the same with a load
     * error saying so: a gate must never pass on nothing.
     */
    public Inspection requireTopology(List<String> paths) {
        Topology t = topology();
        if (hasLoadErrors() || !t.servers().isEmpty() || !t.clusters().isEmpty() || !t.policies().isEmpty()
                || !t.services().isEmpty() || !t.routes().isEmpty()) {
            return this;
        }
        String where = paths.isEmpty() ? "the paths given" : String.join(", ", paths);
        int files = load.files().size();
        long skipped = findings.stream().filter(f -> f.rule().equals(TopologyLoader.UNRECOGNIZED_FILE)).count();
        String why = files == 0
                ? where + " holds no file Failscope reads (*." + String.join(", *.",
                        new java.util.TreeSet<>(TopologyLoader.DIRECTORY_EXTENSIONS)) + ")"
                : "the " + (files == 1 ? "file" : files + " files") + " read from " + where + " declare"
                        + (files == 1 ? "s" : "") + " no server, cluster, failover policy, service or route"
                        + (skipped == 0 ? "" : " (" + skipped + " skipped: not a format Failscope reads; force one "
                        + "with --as)");
        SourcePosition at = SourcePosition.ofFile(paths.isEmpty() ? "." : paths.get(0));
        List<LoadError> errors = new java.util.ArrayList<>(load.errors());
        errors.add(new LoadError("no topology was read: " + why, at));
        return new Inspection(new LoadResult(t, errors, load.files()), findings, waived);
    }

    /** True when some finding is at or above the threshold. */
    public boolean failsAt(Severity threshold) {
        return findings.stream().anyMatch(f -> f.severity().atLeast(threshold));
    }
}
