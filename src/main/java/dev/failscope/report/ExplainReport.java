package dev.failscope.report;

import dev.failscope.analysis.CandidateIssue;
import dev.failscope.analysis.Explanation;
import dev.failscope.analysis.Explanation.Candidate;
import dev.failscope.analysis.RouteVerdict;
import dev.failscope.model.Finding;
import dev.failscope.model.SourcePosition;

/**
 * {@code failscope explain}: every failover candidate of one cluster with its verdict, reason and the
 * position that decides it. Text:
 * <pre>
 * cluster catify-main, primary db-main-1, failover policy at sample-topologies/catifyme/failover.yaml:2:1
 *   #1 db-legacy-2  not viable: decommissioned  (sample-topologies/catifyme/inventory.yaml:26:13)
 * first viable candidate: none; losing db-main-1 is an outage
 * </pre>
 * JSON: {@code {"tool","cluster","primary","policy"(location or null),"candidates":[{"order","name",
 * "location","verdict","decided_by","reasons":[{"rule","severity","reason","decided_by"}]}],"first_viable"(name or null)}}.
 */
public final class ExplainReport {
    private ExplainReport() {}

    public static String text(Explanation e) {
        StringBuilder out = new StringBuilder();
        String primary = e.cluster().primary().name();
        out.append("cluster ").append(e.cluster().name()).append(", primary ").append(primary);
        if (e.policy().isEmpty()) {
            out.append(": no failover policy (cluster declared at ").append(e.cluster().position()).append(")\n");
            out.append("first viable candidate: none; losing ").append(primary).append(" is an outage\n");
            return Escaping.textBlock(out.toString());
        }
        out.append(", failover policy at ").append(e.policy().get().position()).append('\n');
        if (e.candidates().isEmpty()) {
            out.append("  (no candidates)\n");
        }
        int width = e.candidates().stream().mapToInt(c -> Escaping.visible(c.ref().name()).length()).max().orElse(0);
        for (Candidate c : e.candidates()) {
            String name = Escaping.visible(c.ref().name());
            SourcePosition at = c.issues().isEmpty() ? c.decidedBy() : c.issues().get(0).decidedBy();
            out.append("  #").append(c.order()).append(' ').append(TimelineText.pad(name, width)).append("  ")
                    .append(Escaping.visible(verdict(c))).append("  (").append(Escaping.visible(at.toString()))
                    .append(")\n");
            for (CandidateIssue i : c.issues().subList(Math.min(1, c.issues().size()), c.issues().size())) {
                out.append("     ").append(" ".repeat(width)).append("  also: ")
                        .append(Escaping.visible(i.detail() + " [" + i.reason().rule() + "]")).append("  (")
                        .append(Escaping.visible(i.decidedBy().toString())).append(")\n");
            }
        }
        out.append("first viable candidate: ").append(e.firstViable().map(c -> "#" + c.order() + " " + c.ref().name())
                .orElse("none; losing " + primary + " is an outage")).append('\n');
        routes(e, out);
        return Escaping.textBlock(out.toString());
    }

    /** {@code routes to catify-main:} and one line per route, with its first finding (or how it follows). */
    private static void routes(Explanation e, StringBuilder out) {
        if (e.routes().isEmpty()) {
            return;
        }
        out.append("routes to ").append(e.cluster().name()).append(":\n");
        int width = e.routes().stream().mapToInt(r -> Escaping.visible(r.route().name()).length()).max().orElse(0);
        for (RouteVerdict v : e.routes()) {
            String head = "  " + TimelineText.pad(Escaping.visible(v.route().name()), width) + "  "
                    + v.route().kind().label() + ", " + v.route().follow().label() + ": ";
            if (v.findings().isEmpty()) {
                out.append(head).append("reaches the primary  (").append(Escaping.visible(
                        v.route().position().toString())).append(")\n");
                continue;
            }
            for (int i = 0; i < v.findings().size(); i++) {
                Finding f = v.findings().get(i);
                String lead = i == 0 ? head : "  " + " ".repeat(width) + "  also: ";
                out.append(lead).append(Escaping.visible(shortly(f))).append(" [").append(f.rule()).append("]  (")
                        .append(Escaping.visible(f.position().toString())).append(")\n");
            }
        }
    }

    /** {@code viable: replica of C}, {@code not viable: decommissioned}, {@code viable, with warnings: ...}. */
    private static String verdict(Candidate c) {
        return switch (c.verdict()) {
            case VIABLE -> "viable: active replica";
            case NOT_VIABLE -> "not viable: " + c.issues().get(0).detail() + " [" + c.issues().get(0).reason().rule()
                    + "]";
            case VIABLE_WITH_WARNINGS -> "viable, with warnings: " + c.issues().get(0).detail() + " ["
                    + c.issues().get(0).reason().rule() + "]";
        };
    }

    /** A few words for a routing finding: "pins db-main-1", "no backend for db-replica-1". */
    private static String shortly(Finding f) {
        String t = f.target() == null ? "" : f.target();
        return switch (f.rule()) {
            case "route-pins-server" -> "pins " + t + ": clients stay on it after a failover";
            case "route-target-missing" -> "target " + t + " matches no server";
            case "route-target-decommissioned" -> "target " + t + " is decommissioned";
            case "route-check-never-passes" -> "its health check never passes on the primary";
            case "route-check-wrong-role" -> "its health check passes on the wrong servers";
            case "route-backend-missing-member" -> "no backend for " + t;
            case "route-bypassed" -> "service " + f.subject() + " bypasses its declared route through it";
            default -> f.severity().label();
        };
    }

    /** {@code "routes":[{"name","software","follows","location","reaches_primary","reasons":[…]}]}. */
    private static void routesJson(com.fasterxml.jackson.core.JsonGenerator g, Explanation e)
            throws java.io.IOException {
        g.writeArrayFieldStart("routes");
        for (RouteVerdict v : e.routes()) {
            g.writeStartObject();
            g.writeStringField("name", v.route().name());
            g.writeStringField("software", v.route().kind().label());
            g.writeStringField("follows", v.route().follow().label());
            g.writeFieldName("location");
            JsonWriting.location(g, v.route().position());
            g.writeBooleanField("reaches_primary", v.follows());
            g.writeArrayFieldStart("reasons");
            for (Finding f : v.findings()) {
                g.writeStartObject();
                g.writeStringField("rule", f.rule());
                g.writeStringField("severity", f.severity().label());
                g.writeStringField("reason", f.message());
                g.writeFieldName("decided_by");
                JsonWriting.location(g, f.position());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    public static String json(Explanation e) {
        return JsonWriting.render(g -> {
            g.writeStartObject();
            g.writeFieldName("tool");
            JsonWriting.tool(g);
            g.writeStringField("cluster", e.cluster().name());
            g.writeStringField("primary", e.cluster().primary().name());
            g.writeFieldName("policy");
            if (e.policy().isPresent()) {
                JsonWriting.location(g, e.policy().get().position());
            } else {
                g.writeNull();
            }
            g.writeArrayFieldStart("candidates");
            for (Candidate c : e.candidates()) {
                g.writeStartObject();
                g.writeNumberField("order", c.order());
                g.writeStringField("name", c.ref().name());
                g.writeFieldName("location");
                JsonWriting.location(g, c.ref().position());
                g.writeStringField("verdict", c.verdict().id());
                g.writeFieldName("decided_by");
                JsonWriting.location(g, c.decidedBy());
                g.writeArrayFieldStart("reasons");
                for (CandidateIssue i : c.issues()) {
                    g.writeStartObject();
                    g.writeStringField("rule", i.reason().rule());
                    g.writeStringField("severity", i.reason().severity().label());
                    g.writeStringField("reason", i.detail());
                    g.writeFieldName("decided_by");
                    JsonWriting.location(g, i.decidedBy());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeFieldName("first_viable");
            var first = e.firstViable();
            if (first.isPresent()) {
                g.writeString(first.get().ref().name());
            } else {
                g.writeNull();
            }
            if (!e.routes().isEmpty()) {
                routesJson(g, e);
            }
            g.writeEndObject();
        });
    }

}
