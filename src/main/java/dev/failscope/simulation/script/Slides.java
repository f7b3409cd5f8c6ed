package dev.failscope.simulation.script;

import dev.failscope.load.LoadError;
import dev.failscope.model.Durations;
import dev.failscope.model.Topology;
import dev.failscope.simulation.FailureScenario;
import dev.failscope.simulation.FailureTarget;
import dev.failscope.simulation.ScenarioParse;
import dev.failscope.simulation.Simulation;
import dev.failscope.simulation.SimulationEvent;
import dev.failscope.simulation.SimulationIndex;
import dev.failscope.simulation.Simulator;
import java.util.ArrayList;
import java.util.List;

/**
 * The slides of a scripted scenario or of a simulation's timeline: what presentation mode shows and what an
 * exported animation's frames carry. Pure.
 */
public final class Slides {
    private Slides() {}

    /**
     * The script's slides: a title, then per step its narration, its question, and after a step that fails
     * something, one slide per event of the simulator's timeline of everything failed so far.
     *
     * @param targets the parsed failures of each step, in step order (the caller resolved and checked them)
     */
    public static List<Slide> of(Script script, Topology topology, List<List<FailureTarget>> targets) {
        List<Slide> out = new ArrayList<>();
        out.add(new Slide(Slide.Kind.TITLE, "", script.title(), List.of(), 0));
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
            step.sayOpt().ifPresent(say -> out.add(new Slide(Slide.Kind.NARRATION, time, say, shown,
                    fails ? 0 : shown.size())));
            if (fails) {
                for (int k = 1; k <= events.size(); k++) {
                    SimulationEvent e = events.get(k - 1);
                    out.add(new Slide(Slide.Kind.EVENT, clock(time, e), icon(e) + " " + e.reason(), events, k));
                }
            }
            step.pauseOpt().ifPresent(q -> out.add(new Slide(Slide.Kind.QUESTION, time, q, shown, shown.size())));
        }
        return List.copyOf(out);
    }

    /** A simulation's timeline as slides: what failed, then one slide per event. */
    public static List<Slide> of(Simulation sim) {
        List<Slide> out = new ArrayList<>();
        List<SimulationEvent> events = sim.timeline().events();
        out.add(new Slide(Slide.Kind.TITLE, "", "Simulated loss of " + sim.scenario().label(), events, 0));
        for (int k = 1; k <= events.size(); k++) {
            SimulationEvent e = events.get(k - 1);
            out.add(new Slide(Slide.Kind.EVENT, "t+" + Durations.format(e.at()), icon(e) + " " + e.reason(), events, k));
        }
        return List.copyOf(out);
    }

    /** "08:00 + 30s" for a step with a clock label, else "t+30s". */
    public static String clock(String time, SimulationEvent e) {
        String offset = Durations.format(e.at());
        return time.isEmpty() ? "t+" + offset : time + " + " + offset;
    }

    public static String icon(SimulationEvent e) {
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

    /** Each step's failures, parsed and checked against the topology; a name that names nothing is an error. */
    public static List<List<FailureTarget>> resolve(Script script, Topology topology, List<LoadError> errors) {
        SimulationIndex index = SimulationIndex.of(topology);
        List<List<FailureTarget>> out = new ArrayList<>();
        for (ScriptStep step : script.steps()) {
            List<FailureTarget> targets = new ArrayList<>();
            for (ScriptStep.Failure f : step.fail()) {
                ScenarioParse parsed = index.parse(List.of(f.text()));
                if (parsed.ok()) {
                    targets.addAll(parsed.scenario().targets());
                } else {
                    parsed.errors().forEach(e -> errors.add(new LoadError(e, f.position())));
                }
            }
            out.add(List.copyOf(targets));
        }
        return out;
    }
}
