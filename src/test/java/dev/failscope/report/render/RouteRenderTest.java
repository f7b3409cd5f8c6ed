package dev.failscope.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.analysis.Inspection;
import dev.failscope.analysis.Inspector;
import dev.failscope.report.GraphExport;
import dev.failscope.report.MermaidExport;
import dev.failscope.simulation.FailureScenario;
import dev.failscope.simulation.Simulation;
import dev.failscope.simulation.Simulator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The routing layer in pictures and graph exports. */
class RouteRenderTest {
    private static RenderInput input(String path, String fail) {
        Inspection i = new Inspector().inspect(List.of(path));
        RenderInput in = RenderInput.of(i.topology()).withFindings(i.findings());
        if (fail == null) {
            return in;
        }
        Simulation sim = new Simulator(i.topology()).run(FailureScenario.servers(fail));
        return in.withOverlay(SimulationOverlay.of(sim, i.topology()));
    }

    @Test
    void theRouteIsDrawnWithItsSoftwareAndHowItFollows() {
        String svg = ImageExport.svg(input("sample-topologies/catifyme-routed", null));
        assertThat(svg).contains("⇄ pgbouncer-catify").contains("pgbouncer · fixed host");
        assertThat(svg).doesNotContain("PINNED");
    }

    @Test
    void inASimulationTheRouteSaysItIsPinnedToTheDeadServerOrFollowing() {
        assertThat(ImageExport.svg(input("sample-topologies/catifyme-routed", "db-main-1")))
                .contains("✖ PINNED → db-main-1");
        assertThat(ImageExport.svg(input("sample-topologies/catifyme-routed-fixed", "db-main-1")))
                .contains("✔ FOLLOWING db-replica-1");
    }

    @Test
    void theLegendHasRouteEntriesOnlyWhenThePictureHasRoutes() {
        assertThat(ImageExport.svg(input("sample-topologies/catifyme-routed", null)))
                .contains("route: pooler, proxy, client URL").doesNotContain("route pinned / following");
        assertThat(ImageExport.svg(input("sample-topologies/catifyme-routed", "db-main-1")))
                .contains("route pinned / following (simulation)");
        assertThat(ImageExport.svg(input("sample-topologies/catifyme-fixed", null))).doesNotContain("route:");
    }

    @Test
    void aDanglingTargetIsAMissingGhost() {
        assertThat(ImageExport.svg(input("src/test/resources/routes/dangling", null))).contains("missing: db-legacy-2");
    }

    @Test
    void exportsCarryRoutesAndTheirEdges() {
        Inspection i = new Inspector().inspect(List.of("src/test/resources/routes/dangling"));
        String mermaid = MermaidExport.render(i);
        assertThat(mermaid).contains("[/\"app-env\"/]").contains("routes #1 \u2717 missing");
        String dot = GraphExport.dot(i);
        assertThat(dot).contains("parallelogram").contains("routes #1");
    }
}
