package dev.failscope.ui.viewmodel;

import dev.failscope.model.Topology;
import dev.failscope.simulation.FailureTarget;
import dev.failscope.simulation.Simulation;
import dev.failscope.simulation.script.Script;
import dev.failscope.simulation.script.Slide;
import dev.failscope.simulation.script.Slides;
import java.util.List;

/** Presentation slides: the core {@link Slides} as {@link Beat}s, which know their graph overlay. Pure. */
public final class Beats {
    private Beats() {}

    /** The script's slides (see {@link Slides#of(Script, Topology, List)}). */
    public static List<Beat> of(Script script, Topology topology, List<List<FailureTarget>> targets) {
        return beats(Slides.of(script, topology, targets));
    }

    /** A simulation's timeline as slides: what failed, then one slide per event. */
    public static List<Beat> of(Simulation sim) {
        return beats(Slides.of(sim));
    }

    static List<Beat> beats(List<Slide> slides) {
        return slides.stream().map(s -> new Beat(Beat.Kind.valueOf(s.kind().name()), s.time(), s.caption(),
                s.events(), s.applied())).toList();
    }
}
