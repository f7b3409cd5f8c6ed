package dev.failscope.cli;

import dev.failscope.analysis.Inspector;
import dev.failscope.diff.Differ;

/** Wires the simulator into the diff once it exists; until then the diff reports no resilience delta. */
final class Simulation {
    private Simulation() {}

    static Differ differ(Inspector inspector) {
        return new Differ(inspector);
    }
}
