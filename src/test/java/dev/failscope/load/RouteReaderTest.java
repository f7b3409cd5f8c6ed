package dev.failscope.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.model.Access;
import dev.failscope.model.Dependency;
import dev.failscope.model.Follow;
import dev.failscope.model.HealthCheck;
import dev.failscope.model.Route;
import dev.failscope.model.RouteKind;
import dev.failscope.model.RouteTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The native {@code kind: route} document and {@code via:} on a dependency. */
class RouteReaderTest {
    @TempDir
    Path dir;

    private LoadResult load(String text) throws IOException {
        Files.writeString(dir.resolve("r.yaml"), text);
        return new TopologyLoader().load(List.of(dir.resolve("r.yaml").toString()));
    }

    private List<String> errors(LoadResult r) {
        String prefix = dir.toString() + "/";
        return r.errors().stream().map(e -> e.format().replace(prefix, "")).toList();
    }

    @Test
    void readsEveryKeyWithPositions() throws IOException {
        LoadResult r = load("""
                kind: route
                name: haproxy-rw
                software: haproxy
                serves: catify-main
                access: write
                follows: health-check
                listen: "*:5000"
                check: {method: http, path: /primary, port: 8008, interval: 3s, fall: 3, rise: 2}
                targets:
                  - db-main-1
                  - 10.0.0.12:5432
                  - server: db-replica-2
                    backup: true
                  - route: pgbouncer-local
                  - cluster: catify-main
                    read-only: true
                clients: [cat-posting]
                """);

        assertThat(errors(r)).isEmpty();
        Route route = r.topology().route("haproxy-rw").orElseThrow();
        assertThat(route.position().line()).isEqualTo(2);
        assertThat(route.kind()).isEqualTo(RouteKind.HAPROXY);
        assertThat(route.cluster().name()).isEqualTo("catify-main");
        assertThat(route.access()).isEqualTo(Access.WRITE);
        assertThat(route.follow()).isEqualTo(Follow.HEALTH_CHECK);
        assertThat(route.listen()).isEqualTo("*:5000");
        assertThat(route.clients()).extracting(c -> c.name()).containsExactly("cat-posting");
        HealthCheck check = route.check();
        assertThat(check.method()).isEqualTo("http");
        assertThat(check.path()).isEqualTo("/primary");
        assertThat(check.port()).isEqualTo(8008);
        assertThat(check.interval()).isEqualTo(Duration.ofSeconds(3));
        assertThat(check.timeToMarkUp()).isEqualTo(Duration.ofSeconds(6));
        assertThat(check.position().line()).isEqualTo(8);
        List<RouteTarget> t = route.targets();
        assertThat(t).extracting(x -> x.written().name())
                .containsExactly("db-main-1", "10.0.0.12:5432", "db-replica-2", "pgbouncer-local", "catify-main");
        assertThat(t).extracting(x -> x.position().line()).containsExactly(10, 11, 12, 14, 15);
        assertThat(t.get(0).server()).as("resolution is the resolver's").isNull();
        assertThat(t.get(2).backup()).isTrue();
        assertThat(t.get(3).route()).isEqualTo("pgbouncer-local");
        assertThat(t.get(4).cluster()).isEqualTo("catify-main");
        assertThat(t.get(4).readOnly()).isTrue();
        assertThat(route.facts().of("follows").orElseThrow().line()).isEqualTo(6);
    }

    @Test
    void defaultsAreHaproxys() throws IOException {
        LoadResult r = load("kind: route\nname: r\nfollows: health-check\ncheck: {method: http, path: /primary}\n"
                + "targets: [a]\n");

        HealthCheck check = r.topology().route("r").orElseThrow().check();
        assertThat(check.interval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(check.fall()).isEqualTo(3);
        assertThat(check.rise()).isEqualTo(2);
        assertThat(r.topology().route("r").orElseThrow().kind()).isEqualTo(RouteKind.DECLARED);
    }

    @Test
    void unknownKeysGetDidYouMean() throws IOException {
        LoadResult r = load("kind: route\nname: r\nfollow: none\nfollows: none\ntargets:\n  - servr: a\n"
                + "check: {methd: tcp}\n");

        assertThat(r.topology().unknownKeys()).extracting(k -> k.key() + "->" + k.suggestion() + "@"
                + k.position().line()).containsExactly("follow->follows@3", "servr->server@6", "methd->method@7");
        assertThat(errors(r)).containsExactly(
                "r.yaml:6:5: error: a target of route 'r' needs exactly one of 'server', 'route' or 'cluster'");
    }

    @Test
    void badValuesArePositionedErrors() throws IOException {
        LoadResult r = load("kind: route\nname: r\nfollows: helth-check\naccess: rw\ntargets: []\n"
                + "check: {port: 70000, interval: 0s}\n");

        assertThat(errors(r)).containsExactly(
                "r.yaml:3:10: error: 'follows' of route 'r' must be one of health-check, multi-host, "
                        + "read-only-flag, manager, failover-command, virtual-ip, none, got the string "
                        + "'helth-check': did you mean 'health-check'? (values are lower case, as in the JSON Schema)",
                "r.yaml:4:9: error: 'access' of route 'r' must be one of write, read, got the string 'rw'",
                "r.yaml:5:10: error: route 'r' must have at least one target",
                "r.yaml:6:15: error: 'port' of check of route 'r' must be at most 65535, got 70000",
                "r.yaml:6:32: error: 'interval' of check of route 'r' must be longer than 0s");
    }

    @Test
    void followsIsRequired() throws IOException {
        LoadResult r = load("kind: route\nname: r\ntargets: [a]\n");

        assertThat(errors(r)).containsExactly("r.yaml:1:1: error: route 'r' is missing required key 'follows' "
                + "(how it reaches a new primary: health-check, multi-host, read-only-flag, manager, "
                + "failover-command, virtual-ip or none)");
        assertThat(r.topology().routes()).isEmpty();
    }

    @Test
    void misspeltKindSuggestsRoute() throws IOException {
        LoadResult r = load("kind: rout\nname: r\nfollows: none\ntargets: [a]\n");

        assertThat(errors(r)).containsExactly("r.yaml:1:7: error: unknown kind 'rout': did you mean 'route'?");
    }

    @Test
    void viaOnADependency() throws IOException {
        LoadResult r = load("kind: service\nname: s\ndepends-on:\n  - cluster: c\n    via: pgbouncer\n");

        assertThat(errors(r)).isEmpty();
        Dependency d = r.topology().service("s").orElseThrow().dependsOn().get(0);
        assertThat(d.via().name()).isEqualTo("pgbouncer");
        assertThat(d.via().position().line()).isEqualTo(5);
    }
}
