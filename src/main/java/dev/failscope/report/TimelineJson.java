package dev.failscope.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.failscope.model.Cluster;
import dev.failscope.model.Service;
import dev.failscope.model.SourcePosition;
import dev.failscope.model.Topology;
import dev.failscope.simulation.ClusterOutcome;
import dev.failscope.simulation.FailureTarget;
import dev.failscope.simulation.RouteState;
import dev.failscope.simulation.ServerOutcome;
import dev.failscope.simulation.ServiceOutcome;
import dev.failscope.simulation.Simulation;
import dev.failscope.simulation.SimulationEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A simulation as JSON, keys in this order:
 * <pre>
 * {"scenario":["db-main-1", "zone:us-west-2b@90s"],
 *  "events":[{"t_ms","kind","subject","reason","location":{"file","line","column"}|null}],
 *  "clusters":{"NAME":{"state":"ok|degraded|writes-blocked|down","primary"|null,"possible_primaries":[…],
 *              "rto_ms","rto_range_ms":{"min","max"}|null,"rpo_risk_ms"}},
 *  "services":{"NAME":{"state","down_at_ms","restored_at_ms","downtimes":[{"from_ms","to_ms"|null}]}},
 *  "servers":{"NAME":{"state":"failed|stale","failed_at_ms"}},
 *  "routes":{"NAME":{"state":"following|waiting|pinned|nowhere|unknown","server"|null,"since_ms","reason",
 *            "location"}},   (only when the topology has routes)
 *  "summary":{"clusters_down":[…],"services_down":[…]}}
 * </pre>
 * Every declared cluster and service is listed (untouched ones as ok); servers only when failed or stale.
 * Written like the other JSON reports ({@link JsonWriting}): byte-stable for the same input.
 */
public final class TimelineJson {
    private TimelineJson() {}

    public static String render(Simulation sim, Topology topology) {
        return JsonWriting.render(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("scenario");
            for (FailureTarget t : sim.scenario().targets()) {
                g.writeString(t.label());
            }
            g.writeEndArray();
            g.writeArrayFieldStart("events");
            for (SimulationEvent e : sim.timeline().events()) {
                event(g, e);
            }
            g.writeEndArray();
            clusters(g, sim, topology);
            services(g, sim, topology);
            g.writeObjectFieldStart("servers");
            for (ServerOutcome s : sim.servers().values()) {
                g.writeObjectFieldStart(s.name());
                g.writeStringField("state", s.state().label());
                millis(g, "failed_at_ms", s.failedAt());
                g.writeEndObject();
            }
            g.writeEndObject();
            if (!topology.routes().isEmpty()) {
                routes(g, sim);
            }
            Simulation.Summary summary = sim.summary();
            g.writeObjectFieldStart("summary");
            strings(g, "clusters_down", summary.clustersDown());
            strings(g, "clusters_writes_blocked", summary.clustersBlocked());
            strings(g, "services_down", summary.servicesDown());
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    static void event(JsonGenerator g, SimulationEvent e) throws IOException {
        g.writeStartObject();
        g.writeNumberField("t_ms", e.atMillis());
        g.writeStringField("kind", e.kind().label());
        g.writeStringField("subject", e.subject());
        g.writeStringField("reason", e.reason());
        g.writeFieldName("location");
        location(g, e.position());
        g.writeEndObject();
    }

    private static void clusters(JsonGenerator g, Simulation sim, Topology topology) throws IOException {
        Map<String, String> primaries = new TreeMap<>();
        for (Cluster c : topology.clusters()) {
            primaries.putIfAbsent(c.name(), c.primary().name());
        }
        g.writeObjectFieldStart("clusters");
        for (Map.Entry<String, String> c : primaries.entrySet()) {
            ClusterOutcome o = sim.cluster(c.getKey(), c.getValue());
            g.writeObjectFieldStart(o.name());
            g.writeStringField("state", o.health().label());
            g.writeStringField("primary", o.primary());
            strings(g, "possible_primaries", o.possiblePrimaries());
            millis(g, "rto_ms", o.rto());
            g.writeFieldName("rto_range_ms");
            if (o.rtoRange() == null) {
                g.writeNull();
            } else {
                g.writeStartObject();
                g.writeNumberField("min", o.rtoRange().min().toMillis());
                g.writeNumberField("max", o.rtoRange().max().toMillis());
                g.writeEndObject();
            }
            millis(g, "rpo_risk_ms", o.rpoRisk());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void services(JsonGenerator g, Simulation sim, Topology topology) throws IOException {
        java.util.TreeSet<String> names = new java.util.TreeSet<>();
        topology.services().stream().map(Service::name).forEach(names::add);
        g.writeObjectFieldStart("services");
        for (String name : names) {
            ServiceOutcome o = sim.service(name);
            g.writeObjectFieldStart(name);
            g.writeStringField("state", o.health().label());
            millis(g, "down_at_ms", o.downAt());
            millis(g, "restored_at_ms", o.restoredAt());
            g.writeArrayFieldStart("downtimes");
            for (ServiceOutcome.Downtime d : o.downtimes()) {
                g.writeStartObject();
                millis(g, "from_ms", d.from());
                millis(g, "to_ms", d.to());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    /** How each route the touched services go through ends. */
    private static void routes(JsonGenerator g, Simulation sim) throws IOException {
        g.writeObjectFieldStart("routes");
        for (RouteState r : sim.routes().values()) {
            g.writeObjectFieldStart(r.route());
            g.writeStringField("state", r.kind().label());
            g.writeStringField("server", r.server());
            millis(g, "since_ms", r.at());
            g.writeStringField("reason", r.reason());
            g.writeFieldName("location");
            location(g, r.position());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    static void millis(JsonGenerator g, String field, Duration d) throws IOException {
        if (d == null) {
            g.writeNullField(field);
        } else {
            g.writeNumberField(field, d.toMillis());
        }
    }

    static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    static void location(JsonGenerator g, SourcePosition p) throws IOException {
        if (p == null) {
            g.writeNull();
        } else {
            JsonWriting.location(g, p);
        }
    }
}
