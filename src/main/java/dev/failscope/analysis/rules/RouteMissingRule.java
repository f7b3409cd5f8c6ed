package dev.failscope.analysis.rules;

import dev.failscope.load.Suggestions;
import dev.failscope.model.Dependency;
import dev.failscope.model.Finding;
import dev.failscope.model.Route;
import dev.failscope.model.Service;
import dev.failscope.model.Severity;
import dev.failscope.model.Topology;
import java.util.ArrayList;
import java.util.List;

/** A dependency's {@code via} names a route that is declared nowhere. */
public final class RouteMissingRule extends RouteRule {
    public RouteMissingRule() {
        super("route-missing", Severity.ERROR, "a dependency goes via a route no document declares");
    }

    @Override
    public List<Finding> check(Topology topology) {
        List<Finding> out = new ArrayList<>();
        List<String> names = topology.routes().stream().map(Route::name).toList();
        for (Service s : topology.services()) {
            for (Dependency d : s.dependsOn()) {
                if (d.via() != null && topology.route(d.via().name()).isEmpty()) {
                    String hint = Suggestions.closest(d.via().name(), names).map(n -> "; did you mean '" + n + "'?")
                            .orElse("");
                    out.add(finding("service '" + s.name() + "' reaches '" + d.target().name() + "' via route '"
                            + d.via().name() + "', which is declared nowhere" + hint, s.name(), d.via().name(),
                            d.via().position()));
                }
            }
        }
        return out;
    }
}
