package dev.failscope.report;

import dev.failscope.model.Durations;
import dev.failscope.simulation.ClusterOutcome;
import dev.failscope.simulation.Health;
import dev.failscope.simulation.RouteState;
import dev.failscope.simulation.ServiceOutcome;
import dev.failscope.simulation.Simulation;
import dev.failscope.simulation.SimulationEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A simulation as readable lines: one line per event ({@code t+30s   attempt on db-legacy-2: decommissioned,
 * cannot be promoted (sample-topologies/catifyme/inventory.yaml:26)}), then a summary block of every cluster and
 * service the scenario touched.
 */
public final class TimelineText {
    private static final int MIN_TIME_WIDTH = 7;

    private TimelineText() {}

    public static String render(Simulation sim) {
        StringBuilder out = new StringBuilder();
        int width = MIN_TIME_WIDTH;
        for (SimulationEvent e : sim.timeline().events()) {
            width = Math.max(width, time(e.at()).length());
        }
        for (SimulationEvent e : sim.timeline().events()) {
            out.append(pad(time(e.at()), width)).append(' ').append(line(e)).append('\n');
        }
        out.append('\n').append(summary(sim));
        return Escaping.textBlock(out.toString());
    }

    /**
     * The event's sentence with the short position of its deciding fact:
     * {@code attempt on x: decommissioned, cannot be promoted (a.yaml:3)}.
     */
    public static String line(SimulationEvent e) {
        return Escaping.visible(e.reason() + e.positionOpt().map(p -> " (" + p.reference() + ")").orElse(""));
    }

    /** {@code t+90s}. */
    public static String time(Duration d) {
        return "t+" + Durations.format(d);
    }

    static String summary(Simulation sim) {
        List<String[]> rows = new ArrayList<>();
        for (ClusterOutcome c : sim.clusters().values()) {
            rows.add(new String[] {Escaping.visible("cluster " + c.name()), c.health().label(),
                Escaping.visible(clusterDetail(c))});
        }
        for (ServiceOutcome s : sim.services().values()) {
            rows.add(new String[] {Escaping.visible("service " + s.name()), s.health().label(),
                Escaping.visible(serviceDetail(s))});
        }
        for (RouteState r : sim.routes().values()) {
            rows.add(new String[] {Escaping.visible("route " + r.route()), r.kind().label(),
                Escaping.visible(r.reason() + r.positionOpt().map(p -> " (" + p.reference() + ")").orElse(""))});
        }
        StringBuilder out = new StringBuilder("summary:\n");
        if (rows.isEmpty()) {
            out.append("  no cluster or service affected\n");
        }
        int w0 = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
        int w1 = rows.stream().mapToInt(r -> r[1].length()).max().orElse(0);
        for (String[] r : rows) {
            String line = "  " + pad(r[0], w0) + "  " + pad(r[1], w1) + "  " + r[2];
            out.append(line.stripTrailing()).append('\n');
        }
        Simulation.Summary s = sim.summary();
        if (!s.clustersBlocked().isEmpty()) {
            out.append("  ").append(TextReport.plural(s.clustersBlocked().size(), "cluster"))
                    .append(" with writes blocked (an outage for writers)\n");
        }
        out.append("  ").append(TextReport.plural(s.clustersDown().size(), "cluster")).append(" down, ")
                .append(TextReport.plural(s.servicesDown().size(), "service")).append(" down\n");
        return out.toString();
    }

    static String clusterDetail(ClusterOutcome c) {
        if (c.health() == Health.WRITES_BLOCKED) {
            return "primary " + c.primaryOpt().orElse("?") + ", writes blocked since "
                    + c.downSinceOpt().map(TimelineText::time).orElse("t+0s");
        }
        if (c.health() == Health.DOWN) {
            String maybe = c.possiblePrimaries().isEmpty() ? "" : " (or " + String.join(" or ",
                    c.possiblePrimaries()) + ", decided at run time)";
            return "no writable primary since " + c.downSinceOpt().map(TimelineText::time).orElse("t+0s") + maybe;
        }
        StringBuilder d = new StringBuilder(c.possiblePrimaries().size() > 1
                ? "primary " + String.join(" or ", c.possiblePrimaries()) + " (decided at run time)"
                : "primary " + c.primary());
        if (c.failovers() > 0) {
            d.append(", RTO ").append(c.rtoOpt().map(Durations::format).orElse("unknown"));
            c.rtoRangeOpt().filter(r -> !r.min().equals(r.max())).ifPresent(r -> d.append(" (")
                    .append(Durations.format(r.min())).append(" to ").append(Durations.format(r.max())).append(')'));
            if (c.failovers() > 1) {
                d.append(" over ").append(c.failovers()).append(" failovers");
            }
            d.append(", RPO risk ").append(c.rpoRiskOpt().map(Durations::format).orElse("unknown"));
        }
        if (c.health() == Health.DEGRADED) {
            d.append(", redundancy reduced");
        }
        return d.toString();
    }

    static String serviceDetail(ServiceOutcome s) {
        List<String> parts = new ArrayList<>();
        if (s.health() == Health.DOWN) {
            parts.add("since " + time(s.downtimes().get(s.downtimes().size() - 1).from()) + ": " + s.reason());
            return String.join("; ", parts);
        }
        s.reasonOpt().ifPresent(parts::add);
        if (!s.downtimes().isEmpty()) {
            parts.add("was down " + String.join(", ", s.downtimes().stream()
                    .map(d -> time(d.from()) + " to " + d.toOpt().map(TimelineText::time).orElse("the end"))
                    .toList()));
        }
        return String.join("; ", parts);
    }

    static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
