package dev.failscope.analysis;

import dev.failscope.load.LoadResult;
import dev.failscope.load.TopologyLoader;
import dev.failscope.model.Finding;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The one entry point the CLI and the GUI share: load paths, run the rule catalogue, return both.
 * Findings include those made while loading (importer assumptions, skipped files).
 */
public final class Inspector {
    private final TopologyLoader loader;
    private final RuleCatalog catalog;
    private final Clock clock;

    public Inspector() {
        this(new TopologyLoader(), RuleCatalog.standard());
    }

    public Inspector(TopologyLoader loader, RuleCatalog catalog) {
        this(loader, catalog, Clock.systemUTC());
    }

    /** With the clock that decides which waivers have expired (tests pass a fixed one). */
    public Inspector(TopologyLoader loader, RuleCatalog catalog, Clock clock) {
        this.loader = loader;
        this.catalog = catalog;
        this.clock = clock;
    }

    public Inspection inspect(List<String> paths) {
        LoadResult load = loader.load(paths);
        return analyse(load);
    }

    /**
     * Loads paths without running the rules: the findings are those made while loading. For a command that
     * reports something else (a sweep's scenarios), so a large fleet does not pay for rules nobody reads.
     */
    public Inspection load(List<String> paths) {
        LoadResult load = loader.load(paths);
        return new Inspection(load, load.topology().loadFindings());
    }

    /** Runs the rules on an already loaded topology. */
    public Inspection analyse(LoadResult load) {
        List<Finding> findings = new ArrayList<>(load.topology().loadFindings());
        findings.addAll(catalog.check(load.topology()));
        Waivers.Outcome waivers = Waivers.apply(findings, load.topology().waivers(), LocalDate.now(clock),
                catalog.rules().stream().map(Rule::id).toList());
        return new Inspection(load, waivers.active(), waivers.waived());
    }

    public RuleCatalog catalog() {
        return catalog;
    }
}
