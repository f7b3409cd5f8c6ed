package dev.failscope.report.render;

import dev.failscope.model.Cluster;
import dev.failscope.model.Edge;
import dev.failscope.model.Finding;
import dev.failscope.model.Node;
import dev.failscope.model.NodeKind;
import dev.failscope.model.Replica;
import dev.failscope.model.Server;
import dev.failscope.model.ServerStatus;
import dev.failscope.model.Severity;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Lookups the painters need, computed once per picture. */
final class PaintContext {
    /** The worst severity of the findings about an element, and how many there are. */
    record Badge(Severity severity, int count) {}

    private final RenderInput input;
    private final Map<String, Replica> replicas = new HashMap<>();
    private final Map<String, Badge> badges = new HashMap<>();

    PaintContext(RenderInput input) {
        this.input = input;
        for (Cluster c : input.topology().clusters()) {
            for (Replica r : c.replicas()) {
                replicas.putIfAbsent(key(r.sourceName(c.primary().name()), r.server().name()), r);
            }
        }
        for (Finding f : input.findings()) {
            badges.merge(f.subject(), new Badge(f.severity(), 1), (a, b) -> new Badge(
                    a.severity().atLeast(b.severity()) ? a.severity() : b.severity(), a.count() + b.count()));
        }
    }

    RenderInput input() {
        return input;
    }

    StateOverlay overlay() {
        return input.overlay();
    }

    Optional<Server> server(Node n) {
        return n.kind() == NodeKind.SERVER && !n.missing() ? input.topology().server(n.name()) : Optional.empty();
    }

    ServerStatus status(Node n) {
        return server(n).map(Server::status).orElse(ServerStatus.ACTIVE);
    }

    boolean decommissioned(Node n) {
        return status(n) == ServerStatus.DECOMMISSIONED;
    }

    /** The replica entry behind a replication edge. */
    Optional<Replica> replica(Edge e) {
        return Optional.ofNullable(replicas.get(key(e.from().name(), e.to().name())));
    }

    Optional<Badge> badge(Node n) {
        return Optional.ofNullable(badges.get(n.name()));
    }

    /** A failover edge drawn red: to a missing or a decommissioned server. */
    boolean brokenFailover(Edge e) {
        return e.to().missing() || decommissioned(e.to());
    }

    private static String key(String source, String replica) {
        return source + "\u0000" + replica;
    }
}
