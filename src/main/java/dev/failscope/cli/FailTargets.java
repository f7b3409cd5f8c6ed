package dev.failscope.cli;

import dev.failscope.simulation.ScenarioParse;
import dev.failscope.simulation.Simulation;
import dev.failscope.simulation.SimulationIndex;
import dev.failscope.simulation.Simulator;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/** The {@code --fail X} values of a command, parsed against the topology and simulated. */
final class FailTargets {
    private FailTargets() {}

    /** The simulation of the failures, or empty after printing why they name nothing ({@code failscope: ...}). */
    static Optional<Simulation> simulate(PrintWriter err, SimulationIndex index, List<String> fail) {
        ScenarioParse parse = index.parse(fail);
        if (!parse.ok()) {
            parse.errors().forEach(e -> err.println("failscope: " + e));
            err.flush();
            return Optional.empty();
        }
        return Optional.of(new Simulator(index).run(parse.scenario()));
    }
}
