package dev.failscope.report.frames;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.layout.Fleets;
import dev.failscope.model.Topology;
import dev.failscope.report.render.SimulationOverlay;
import dev.failscope.report.render.StateOverlay;
import dev.failscope.simulation.FailureScenario;
import dev.failscope.simulation.FailureTarget;
import dev.failscope.simulation.Simulation;
import dev.failscope.simulation.Simulator;
import dev.failscope.simulation.script.Slide;
import dev.failscope.simulation.script.Slides;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepStateTest {
    private static final Topology CATIFYME = Fleets.catifyme();
    private static final Simulation LOSS = new Simulator(CATIFYME).run(new FailureScenario(
            List.of(FailureTarget.server("db-main-1"))));

    @Test
    void beforeTheFirstEventNothingHasHappenedAndAtTheEndItIsTheEndState() {
        var events = LOSS.timeline().events();
        assertThat(StepState.at(CATIFYME, events, 0).isEmpty()).isTrue();
        StateOverlay end = StepState.at(CATIFYME, events, events.size());
        StateOverlay expected = SimulationOverlay.of(LOSS, CATIFYME);
        assertThat(end.failed("db-main-1")).isTrue();
        assertThat(end.clusters().get("catify-main").state()).isEqualTo(expected.clusters().get("catify-main").state())
                .isEqualTo(StateOverlay.ClusterState.DOWN);
        assertThat(end.services()).isEqualTo(expected.services());
    }

    @Test
    void theServicesGoDownAsTheirEventsComeNotBefore() {
        var events = LOSS.timeline().events();
        int firstDown = 0;
        while (events.get(firstDown).kind() != dev.failscope.simulation.EventKind.SERVICE_DOWN) {
            firstDown++;
        }
        assertThat(StepState.at(CATIFYME, events, firstDown).services()).isEmpty();
        assertThat(StepState.at(CATIFYME, events, firstDown + 1).services()).hasSize(1);
    }

    @Test
    void framesAreOnePerSlideTheSameSizeAndTheSamePixelsEachTime() {
        List<Slide> slides = Slides.of(LOSS);
        var a = ScenarioFrames.render(CATIFYME, List.of(), slides, "CatifyMe");
        var b = ScenarioFrames.render(CATIFYME, List.of(), slides, "CatifyMe");
        assertThat(a).hasSize(LOSS.timeline().events().size() + 1);
        assertThat(a).allSatisfy(f -> {
            assertThat(f.image().getWidth()).isEqualTo(a.get(0).image().getWidth());
            assertThat(f.image().getHeight()).isEqualTo(a.get(0).image().getHeight());
        });
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i).caption()).startsWith("step " + (i + 1) + " / " + a.size());
            assertThat(a.get(i).image().getRGB(0, 0, a.get(i).image().getWidth(), a.get(i).image().getHeight(), null,
                    0, a.get(i).image().getWidth())).isEqualTo(b.get(i).image().getRGB(0, 0, b.get(i).image()
                    .getWidth(), b.get(i).image().getHeight(), null, 0, b.get(i).image().getWidth()));
        }
        assertThat(a.get(1).caption()).contains("t+0s · ✖ db-main-1 fails");
    }

    @Test
    void signsTheFontLacksBecomeAscii() {
        java.awt.Font font = new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 22);
        String out = ScenarioFrames.printable(font, "⟳ ◷ ♛ ok");
        assertThat(out).endsWith(" ok");
        out.codePoints().forEach(cp -> assertThat(font.canDisplay(cp)).isTrue());
    }
}
