package dev.failscope.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Routing edges: service to route (via or clients, once), route to server, cluster or route, placeholders. */
class RoutingGraphTest {
    private static final SourcePosition AT = new SourcePosition("t.yaml", 1, 1);

    private static Ref ref(String name, int line) {
        return new Ref(name, new SourcePosition("t.yaml", line, 1));
    }

    @Test
    void edgesGoFromServicesThroughRoutesToTheirTargets() {
        Topology t = Topology.builder()
                .server(new Server("db-1", AT, null, null, null, null, ServerStatus.ACTIVE, false,
                        java.util.Map.of(), Facts.NONE))
                .cluster(new Cluster("main", AT, null, ref("db-1", 2), List.of(), Facts.NONE))
                .service(new Service("web", AT, List.of(new Dependency(Dependency.Kind.CLUSTER, ref("main", 3),
                        Access.WRITE, ref("pool", 4))), Facts.NONE))
                .route(new Route("pool", AT, RouteKind.PGBOUNCER, List.of(ref("web", 5)), null, Access.WRITE,
                        List.of(new RouteTarget(ref("ha", 6), null, "ha", null, false, false)), Follow.NONE, null,
                        null, Facts.NONE))
                .route(new Route("ha", AT, RouteKind.HAPROXY, List.of(), ref("main", 7), Access.WRITE,
                        List.of(RouteTarget.host(ref("10.0.0.1:5432", 8)).resolvedTo("db-1"),
                                RouteTarget.host(ref("10.0.0.9:5432", 9)),
                                new RouteTarget(ref("main", 10), null, null, "main", true, false)),
                        Follow.HEALTH_CHECK, new HealthCheck("http", "/primary", 8008, Duration.ofSeconds(2), 3, 2,
                        AT), null, Facts.NONE))
                .build();

        List<String> routing = t.graph().edgeSet().stream().filter(e -> e.kind() == EdgeKind.ROUTING)
                .map(e -> e.from() + " -> " + e.to() + " #" + e.order() + " @" + e.position().line()).toList();

        assertThat(routing).containsExactlyInAnyOrder(
                "service web -> route pool #0 @4",
                "route pool -> route ha #1 @6",
                "route ha -> server db-1 #1 @8",
                "route ha -> missing server 10.0.0.9:5432 #2 @9",
                "route ha -> cluster main #3 @10");
        assertThat(t.node(NodeKind.ROUTE, "pool")).contains(Node.route("pool"));
    }

    @Test
    void aViaToAnUndeclaredRouteEndsAtAMissingRoute() {
        Topology t = Topology.builder()
                .service(new Service("web", AT, List.of(new Dependency(Dependency.Kind.CLUSTER, ref("main", 3),
                        Access.WRITE, ref("nope", 4))), Facts.NONE))
                .build();

        assertThat(t.node(NodeKind.ROUTE, "nope")).contains(new Node(NodeKind.ROUTE, "nope", true));
    }
}
