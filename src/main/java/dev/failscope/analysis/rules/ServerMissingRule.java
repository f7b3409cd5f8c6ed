package dev.failscope.analysis.rules;

import dev.failscope.analysis.Rule;
import dev.failscope.model.Finding;
import dev.failscope.model.Severity;
import dev.failscope.model.Topology;
import java.util.List;

/** A primary, replica, replica source or pinned dependency names a server no inventory declares. */
public final class ServerMissingRule implements Rule {
    @Override
    public String id() {
        return "server-missing";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public String description() {
        return "a primary, replica, replica source or pinned service dependency names an undeclared server";
    }

    @Override
    public List<Finding> check(Topology topology) {
        return ServerReference.of(topology).stream()
                .filter(ref -> topology.server(ref.name()).isEmpty())
                .map(ref -> finding(ref.describeHolder() + " names server '" + ref.name() + "' " + ref.role()
                        + ", but no inventory declares it: fix the name or declare the server",
                        ref.subject(), ref.name(), ref.server().position()))
                .toList();
    }
}
