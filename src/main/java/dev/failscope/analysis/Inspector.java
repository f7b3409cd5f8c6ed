package dev.failscope.analysis;

import dev.failscope.load.LoadResult;
import dev.failscope.load.TopologyLoader;
import dev.failscope.model.Finding;
import java.util.ArrayList;
import java.util.List;

/**
 * The one entry point the CLI and the GUI share: load paths, run the rule catalogue, return both.
 * Findings include those made while loading (importer assumptions, skipped files).
 */
public final class Inspector {
    private final TopologyLoader loader;
    private final RuleCatalog catalog;

    public Inspector() {
        this(new TopologyLoader(), RuleCatalog.standard());
    }

    public Inspector(TopologyLoader loader, RuleCatalog catalog) {
        this.loader = loader;
        this.catalog = catalog;
    }

    public Inspection inspect(List<String> paths) {
        LoadResult load = loader.load(paths);
        return analyse(load);
    }

    /** Runs the rules on an already loaded topology. */
    public Inspection analyse(LoadResult load) {
        List<Finding> findings = new ArrayList<>(load.topology().loadFindings());
        findings.addAll(catalog.check(load.topology()));
        return new Inspection(load, findings);
    }

    public RuleCatalog catalog() {
        return catalog;
    }
}
