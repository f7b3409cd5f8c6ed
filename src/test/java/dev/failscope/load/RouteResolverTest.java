package dev.failscope.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.model.Access;
import dev.failscope.model.Cluster;
import dev.failscope.model.Facts;
import dev.failscope.model.Follow;
import dev.failscope.model.Ref;
import dev.failscope.model.Replica;
import dev.failscope.model.ReplicationMode;
import dev.failscope.model.Route;
import dev.failscope.model.RouteKind;
import dev.failscope.model.RouteTarget;
import dev.failscope.model.Server;
import dev.failscope.model.ServerStatus;
import dev.failscope.model.SourcePosition;
import dev.failscope.model.Topology;
import dev.failscope.model.TopologyBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteResolverTest {
    private static final SourcePosition AT = new SourcePosition("routes.cfg", 3, 5);

    private final TopologyBuilder b = Topology.builder();

    private void server(String name, String address) {
        b.server(new Server(name, AT, address, null, null, null, ServerStatus.ACTIVE, false, Map.of(), Facts.NONE));
    }

    private void cluster(String name, String primary, String... replicas) {
        List<Replica> rs = Arrays.stream(replicas).map(r -> new Replica(new Ref(r, AT), null,
                ReplicationMode.ASYNC, null, Facts.NONE)).toList();
        b.cluster(new Cluster(name, AT, "postgresql", new Ref(primary, AT), rs, Facts.NONE));
    }

    private static RouteTarget target(String written) {
        return RouteTarget.host(new Ref(written, AT));
    }

    private static RouteTarget backup(String written) {
        return new RouteTarget(new Ref(written, AT), null, null, null, true, false);
    }

    private void route(String name, String listen, RouteTarget... targets) {
        b.route(new Route(name, AT, RouteKind.HAPROXY, List.of(), null, Access.WRITE, List.of(targets),
                Follow.HEALTH_CHECK, null, listen, Facts.NONE));
    }

    private Route resolved(String name) {
        new RouteResolver(b).resolve();
        return b.routes().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    private static List<String> servers(Route r) {
        List<String> out = new ArrayList<>();
        r.targets().forEach(t -> out.add(t.server() != null ? t.server() : t.route() != null ? "route:" + t.route()
                : "?" + t.written().name()));
        return out;
    }

    @Test
    void byNameAddressHostAndFqdn() {
        server("db-main-1", "10.0.0.11:5432");
        server("db-replica-1", "10.0.0.12");
        server("db-replica-2", "db-replica-2.prod.example.com:5432");
        server("db-legacy-2", null);
        route("pg", null, target("db-main-1"), target("10.0.0.12:5432"), target("db-replica-2:5432"),
                target("db-legacy-2.prod.example.com"), target("10.0.0.99:5432"));
        assertThat(servers(resolved("pg"))).containsExactly("db-main-1", "db-replica-1", "db-replica-2",
                "db-legacy-2", "?10.0.0.99:5432");
    }

    @Test
    void aPortThatDiffersIsNoMatchAndAnAmbiguousShortNameStaysUnresolved() {
        server("a", "127.0.0.1:5432");
        server("b", "127.0.0.1:5433");
        server("pg1.east.example.com", null);
        server("pg1.west.example.com", null);
        route("pg", null, target("127.0.0.1:6000"), target("127.0.0.1:5433"), target("pg1"));
        assertThat(servers(resolved("pg"))).containsExactly("?127.0.0.1:6000", "b", "?pg1");
    }

    @Test
    void aTargetNamingAnotherRouteByNameOrListenAddress() {
        server("db-main-1", "10.0.0.11:5432");
        route("haproxy/postgres_rw", "*:5000", target("db-main-1"));
        route("haproxy/postgres_ro", "10.0.0.5:5001", target("db-main-1"));
        route("pgbouncer/app", "127.0.0.1:6432", target("127.0.0.1:5000"), target("10.0.0.5:5001"),
                target("haproxy/postgres_rw"), target("10.0.0.5:5999"));
        assertThat(servers(resolved("pgbouncer/app"))).containsExactly("route:haproxy/postgres_rw",
                "route:haproxy/postgres_ro", "route:haproxy/postgres_rw", "?10.0.0.5:5999");
    }

    @Test
    void anExactListenAddressWinsOverAServerThatOnlySharesTheHost() {
        server("db-main-1", "10.0.0.11");
        route("haproxy/rw", "10.0.0.11:5000", target("10.0.0.12:5432"));
        route("app", null, target("10.0.0.11:5000"), target("10.0.0.11:5432"));
        assertThat(servers(resolved("app"))).containsExactly("route:haproxy/rw", "db-main-1");
    }

    @Test
    void aRouteNeverResolvesToItself() {
        route("loop", "*:5000", target("127.0.0.1:5000"), target("loop"));
        assertThat(servers(resolved("loop"))).containsExactly("?127.0.0.1:5000", "?loop");
    }

    @Test
    void twoWildcardRoutesOnOnePortAreAmbiguous() {
        route("a", "*:5000");
        route("b", "0.0.0.0:5000");
        route("c", null, target("127.0.0.1:5000"));
        assertThat(servers(resolved("c"))).containsExactly("?127.0.0.1:5000");
    }

    @Test
    void theClusterIsTheOneAllNonBackupTargetsBelongTo() {
        server("p1", null);
        server("r1", null);
        server("other", null);
        cluster("main", "p1", "r1");
        cluster("side", "other");
        route("pg", null, target("p1"), target("r1"), backup("other"), target("nowhere"));
        Route r = resolved("pg");
        assertThat(r.cluster()).isEqualTo(new Ref("main", AT));
    }

    @Test
    void noClusterWhenTargetsSpanTwoOrNoneResolves() {
        server("p1", null);
        server("other", null);
        cluster("main", "p1");
        cluster("side", "other");
        route("two", null, target("p1"), target("other"));
        route("none", null, target("ghost"));
        assertThat(resolved("two").cluster()).isNull();
        assertThat(resolved("none").cluster()).isNull();
    }

    @Test
    void onlyBackupTargetsStillTellTheCluster() {
        server("p1", null);
        cluster("main", "p1");
        route("pg", null, backup("p1"));
        assertThat(resolved("pg").cluster().name()).isEqualTo("main");
    }

    @Test
    void aDeclaredClusterIsKeptAndARouteInFrontInheritsIt() {
        server("p1", null);
        server("x", null);
        cluster("main", "p1");
        cluster("side", "x");
        route("front", null, target("127.0.0.1:5000"));
        route("haproxy", "*:5000", target("p1"));
        b.route(new Route("pinned", AT, RouteKind.DECLARED, List.of(), new Ref("side", AT), Access.WRITE,
                List.of(target("p1")), Follow.NONE, null, null, Facts.NONE));
        assertThat(resolved("front").cluster().name()).isEqualTo("main");
        assertThat(resolved("pinned").cluster().name()).isEqualTo("side");
        assertThat(servers(resolved("pinned"))).containsExactly("p1");
    }

    @Test
    void aTargetNamingAClusterCountsAndIsNotMatchedToAServer() {
        server("pg-main", null);
        b.route(new Route("k8s/pg-main-rw", AT, RouteKind.KUBERNETES_SERVICE, List.of(), null, Access.WRITE,
                List.of(new RouteTarget(new Ref("pg-main", AT), null, null, "pg-main", false, false)),
                Follow.MANAGER, null, null, Facts.NONE));
        Route r = resolved("k8s/pg-main-rw");
        assertThat(r.targets().get(0).server()).isNull();
        assertThat(r.cluster().name()).isEqualTo("pg-main");
    }

    @Test
    void listenForms() {
        assertThat(RouteResolver.listenAddress("*:5000").orElseThrow().port()).isEqualTo(5000);
        assertThat(RouteResolver.listenAddress(":5000").orElseThrow().host()).isEmpty();
        assertThat(RouteResolver.listenAddress("6432").orElseThrow().port()).isEqualTo(6432);
        assertThat(RouteResolver.listenAddress("127.0.0.1:6432").orElseThrow().host()).isEqualTo("127.0.0.1");
        assertThat(RouteResolver.listenAddress("db1")).isEmpty();
        assertThat(RouteResolver.listenAddress(null)).isEmpty();
    }
}
