package dev.failscope.ui.viewmodel;

import dev.failscope.analysis.CheckEndpoint;
import dev.failscope.model.Durations;
import dev.failscope.model.HealthCheck;
import dev.failscope.model.Ref;
import dev.failscope.model.Route;
import dev.failscope.model.RouteTarget;
import dev.failscope.ui.viewmodel.Details.Property;
import java.util.List;
import java.util.Optional;

/** The details panel of a route: each fact with the position it was written at. */
final class RouteDetails {
    private RouteDetails() {}

    static void add(Route r, List<Property> props) {
        props.add(new Property("name", r.name(), Optional.of(r.position())));
        props.add(new Property("software", r.kind().label(), r.facts().of("software")));
        props.add(new Property("serves", r.clusterOpt().map(Ref::name).orElse("unknown"),
                r.clusterOpt().map(Ref::position)));
        props.add(new Property("access", r.access().label(), r.facts().of("access")));
        props.add(new Property("follows", r.follow().label(), r.facts().of("follows")));
        r.checkOpt().ifPresent(c -> props.add(new Property("check", check(c), Optional.of(c.position()))));
        r.listenOpt().ifPresent(l -> props.add(new Property("listen", l, r.facts().of("listen"))));
        int i = 1;
        for (RouteTarget t : r.targets()) {
            props.add(new Property("target #" + i++, target(t), Optional.of(t.position())));
        }
        for (Ref c : r.clients()) {
            props.add(new Property("client", c.name(), Optional.of(c.position())));
        }
    }

    static String tooltip(Route r) {
        return "route " + r.name() + " (" + r.kind().label() + ", " + r.follow().label() + ")\n"
                + String.join("\n", r.targets().stream().map(t -> "→ " + target(t)).toList());
    }

    private static String check(HealthCheck c) {
        return CheckEndpoint.describe(c) + (c.port() != null ? " on port " + c.port() : "") + ", every "
                + Durations.format(c.interval()) + ", fall " + c.fall() + ", rise " + c.rise();
    }

    private static String target(RouteTarget t) {
        String to = t.server() != null ? t.server() : t.route() != null ? "route " + t.route()
                : t.cluster() != null ? "cluster " + t.cluster() : "unresolved";
        String written = t.written().name();
        String head = written.equals(t.server()) ? written : written + " → " + to;
        return head + (t.backup() ? " (backup)" : "") + (t.readOnly() ? " (read-only)" : "");
    }
}
