package dev.failscope.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.failscope.simulation.FailureTarget;
import dev.failscope.simulation.Health;
import dev.failscope.simulation.SweepResult;
import dev.failscope.simulation.SweepRow;
import java.io.IOException;
import java.util.List;

/**
 * A sweep as JSON, keys in this order:
 * <pre>
 * {"failures":[{"failure","targets":[…],"pair","result":"ok|degraded|down","clusters_down":[…],
 *               "clusters_degraded":[…],"services_down":[…],"services_degraded":[…],"max_rto_ms",
 *               "promoted":{"CLUSTER":[who may end as its primary]}}],
 *  "single_points_of_failure":[…],
 *  "summary":{"single_failures","single_outages","single_degraded","pair_failures","pair_outages"}}
 * </pre>
 */
public final class SweepJson {
    private SweepJson() {}

    public static String render(SweepResult result) {
        return JsonWriting.render(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("failures");
            for (SweepRow r : result.rows()) {
                row(g, r);
            }
            g.writeEndArray();
            TimelineJson.strings(g, "single_points_of_failure",
                    result.singlePointsOfFailure().stream().map(SweepRow::label).toList());
            g.writeObjectFieldStart("summary");
            List<SweepRow> singles = result.singles();
            g.writeNumberField("single_failures", singles.size());
            g.writeNumberField("single_outages", singles.stream().filter(SweepRow::outage).count());
            g.writeNumberField("single_degraded", singles.stream().filter(r -> r.result() == Health.DEGRADED).count());
            g.writeNumberField("pair_failures", result.pairs().size());
            g.writeNumberField("pair_outages", result.pairs().stream().filter(SweepRow::outage).count());
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    private static void row(JsonGenerator g, SweepRow r) throws IOException {
        g.writeStartObject();
        g.writeStringField("failure", r.label());
        TimelineJson.strings(g, "targets", r.scenario().targets().stream().map(FailureTarget::label).toList());
        g.writeBooleanField("pair", r.pair());
        g.writeStringField("result", r.result().label());
        TimelineJson.strings(g, "clusters_down", r.clustersDown());
        TimelineJson.strings(g, "clusters_degraded", r.clustersDegraded());
        TimelineJson.strings(g, "services_down", r.servicesDown());
        TimelineJson.strings(g, "services_degraded", r.servicesDegraded());
        TimelineJson.millis(g, "max_rto_ms", r.maxRto());
        g.writeObjectFieldStart("promoted");
        for (var e : r.promoted().entrySet()) {
            TimelineJson.strings(g, e.getKey(), e.getValue());
        }
        g.writeEndObject();
        if (!r.routesStuck().isEmpty()) {
            TimelineJson.strings(g, "routes_stuck", r.routesStuck());
        }
        g.writeEndObject();
    }
}
