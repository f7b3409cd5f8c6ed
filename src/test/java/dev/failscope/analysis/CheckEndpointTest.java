package dev.failscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.model.Access;
import dev.failscope.model.Facts;
import dev.failscope.model.Follow;
import dev.failscope.model.HealthCheck;
import dev.failscope.model.Ref;
import dev.failscope.model.Route;
import dev.failscope.model.RouteKind;
import dev.failscope.model.RouteTarget;
import dev.failscope.model.SourcePosition;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Patroni's health endpoints as a route's check sees them, and checks sent to a database port. */
class CheckEndpointTest {
    private static final SourcePosition AT = new SourcePosition("r.yaml", 1, 1);

    private static HealthCheck http(String path, Integer port) {
        return new HealthCheck("http", path, port, Duration.ofSeconds(2), 3, 2, AT);
    }

    @ParameterizedTest
    @CsvSource({"/primary, PRIMARY", "/, PRIMARY", "/read-write, PRIMARY", "/master, PRIMARY",
        "/leader, LEADER", "/standby-leader, STANDBY_LEADER", "/replica, REPLICA", "/replica?lag=10MB, REPLICA",
        "/read-only, READ_ONLY", "/sync, SYNC", "/synchronous, SYNC", "/async, ASYNC", "/health, HEALTH",
        "/PRIMARY/, PRIMARY", "/metrics, UNKNOWN"})
    void pathsMapToWhatPatroniAnswers200On(String path, CheckEndpoint expected) {
        assertThat(CheckEndpoint.of(http(path, 8008))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"PRIMARY, true, false", "LEADER, true, false", "REPLICA, false, true", "READ_ONLY, true, true",
        "STANDBY_LEADER, false, false", "CONNECT, true, true"})
    void whoPasses(CheckEndpoint e, boolean primary, boolean replicas) {
        assertThat(e.passesOnPrimary()).isEqualTo(primary);
        assertThat(e.passesOnReplicas()).isEqualTo(replicas);
    }

    @ParameterizedTest
    @CsvSource(value = {"8008, 10.0.0.1:5432, false", "null, 10.0.0.1:5432, true", "5432, db-1, true",
        "7000, 10.0.0.1:7000, true", "6432, db-1, true"}, nullValues = "null")
    void httpOnTheDatabasePortNeverPasses(Integer port, String target, boolean onDatabase) {
        Route r = new Route("r", AT, RouteKind.HAPROXY, List.of(), null, Access.WRITE,
                List.of(RouteTarget.host(new Ref(target, AT))), Follow.HEALTH_CHECK, http("/primary", port), null,
                Facts.NONE);
        assertThat(CheckEndpoint.onDatabasePort(r, r.check())).isEqualTo(onDatabase);
    }
}
