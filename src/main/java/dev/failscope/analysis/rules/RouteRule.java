package dev.failscope.analysis.rules;

import dev.failscope.analysis.Rule;
import dev.failscope.model.Route;
import dev.failscope.model.Severity;

/** What the routing rules share: an id, a severity, a description, and how a route is named in messages. */
abstract class RouteRule implements Rule {
    private final String id;
    private final Severity severity;
    private final String description;

    RouteRule(String id, Severity severity, String description) {
        this.id = id;
        this.severity = severity;
        this.description = description;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Severity severity() {
        return severity;
    }

    @Override
    public final String description() {
        return description;
    }

    /** {@code route 'pgbouncer-catify' (pgbouncer)}. */
    static String describe(Route r) {
        return "route '" + r.name() + "' (" + r.kind().label() + ")";
    }
}
