package dev.failscope.analysis.rules;

import dev.failscope.analysis.Rule;
import dev.failscope.model.Finding;
import dev.failscope.model.Server;
import dev.failscope.model.ServerStatus;
import dev.failscope.model.Severity;
import dev.failscope.model.Topology;
import java.util.List;
import java.util.Optional;

/** A decommissioned server is still a primary, replica or replica source, or a service pins it. */
public final class ServerDecommissionedInUseRule implements Rule {
    @Override
    public String id() {
        return "server-decommissioned-in-use";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public String description() {
        return "a decommissioned server is a primary, replica or replica source, or a service pins it";
    }

    @Override
    public List<Finding> check(Topology topology) {
        return ServerReference.of(topology).stream()
                .filter(ref -> decommissioned(topology.server(ref.name())))
                .map(ref -> finding(ref.describeHolder() + " uses server '" + ref.name() + "' " + ref.role()
                        + ", but it is decommissioned (" + topology.server(ref.name()).get().statusPosition()
                        .reference() + "): move that role to an active server",
                        ref.subject(), ref.name(), ref.server().position()))
                .toList();
    }

    private static boolean decommissioned(Optional<Server> server) {
        return server.map(s -> s.status() == ServerStatus.DECOMMISSIONED).orElse(false);
    }
}
