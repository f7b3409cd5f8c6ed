package dev.failscope.ui.viewmodel;

import dev.failscope.model.Durations;
import dev.failscope.model.Topology;
import dev.failscope.simulation.FailureScenario;
import dev.failscope.simulation.FailureTarget;
import dev.failscope.simulation.Simulation;
import dev.failscope.simulation.SimulationEvent;
import dev.failscope.simulation.Simulator;
import dev.failscope.simulation.script.Script;
import dev.failscope.simulation.script.ScriptStep;
import java.util.ArrayList;
import java.util.List;

/** Builds presentation slides: from a script on its topology, or from a simulation's timeline. Pure. */
public final class Beats {
    private Beats() {}

    /**
     * The script's slides: a title, then per step its narration, its question, and after a step that fails
     * something, one slide per event of the simulator's timeline of everything failed so far.
     *
     * @param targets the parsed failures of each step, in step order (the caller resolved and checked them)
     */
    public static List<Beat> of(Script script, Topology topology, List<List<FailureTarget>> targets) {
        List<Beat> out = new ArrayList<>();
        out.add(new Beat(Beat.Kind.TITLE, "", script.title(), List.of(), 0));
        List<FailureTarget> failing = new ArrayList<>();
        List<SimulationEvent> events = List.of();
        Simulator simulator = null;
        for (int i = 0; i < script.steps().size(); i++) {
            ScriptStep step = script.steps().get(i);
            String time = step.timeOpt().orElse("");
            boolean fails = !targets.get(i).isEmpty();
            if (fails) {
                failing.addAll(targets.get(i));
                if (simulator == null) {
                    simulator = new Simulator(topology);
                }
                events = simulator.run(new FailureScenario(failing)).timeline().events();
            }
            List<SimulationEvent> shown = events;
            // narration of a failing step shows the graph before its events play; otherwise as it stands now
            step.sayOpt().ifPresent(say -> out.add(new Beat(Beat.Kind.NARRATION, time, say, shown,
                    fails ? 0 : shown.size())));
            if (fails) {
                for (int k = 1; k <= events.size(); k++) {
                    SimulationEvent e = events.get(k - 1);
                    out.add(new Beat(Beat.Kind.EVENT, clock(time, e), icon(e) + " " + e.reason(), events, k));
                }
            }
            step.pauseOpt().ifPresent(q -> out.add(new Beat(Beat.Kind.QUESTION, time, q, shown, shown.size())));
        }
        return List.copyOf(out);
    }

    /** A simulation's timeline as slides: what failed, then one slide per event. */
    public static List<Beat> of(Simulation sim) {
        List<Beat> out = new ArrayList<>();
        List<SimulationEvent> events = sim.timeline().events();
        out.add(new Beat(Beat.Kind.TITLE, "", "Simulated loss of " + sim.scenario().label(), events, 0));
        for (int k = 1; k <= events.size(); k++) {
            SimulationEvent e = events.get(k - 1);
            out.add(new Beat(Beat.Kind.EVENT, "t+" + Durations.format(e.at()), icon(e) + " " + e.reason(), events, k));
        }
        return List.copyOf(out);
    }

    /** "08:00 + 30s" for a step with a clock label, else "t+30s". */
    static String clock(String time, SimulationEvent e) {
        String offset = Durations.format(e.at());
        return time.isEmpty() ? "t+" + offset : time + " + " + offset;
    }

    static String icon(SimulationEvent e) {
        return switch (e.kind()) {
            case FAILED, PRIMARY_LOST, OUTAGE, SERVICE_DOWN -> "✖";
            case DETECTED -> "⚑";
            case CANDIDATE_SKIPPED -> "⟳";
            case ATTEMPT_TIMED_OUT -> "◷";
            case PROMOTED -> "♛";
            case REPOINTED -> "↪";
            case DEGRADED, SERVICE_DEGRADED, REPLICA_STALE -> "▲";
            case SERVICE_RESTORED -> "✔";
            case ROUTE_FOLLOWS -> "↪";
            case ROUTE_WAITING -> "◷";
            case ROUTE_STUCK -> "✖";
        };
    }
}
