package dev.failscope.report.render;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A neutral picture of "what is up after a failure": which servers failed, which clusters have a primary
 * (and which server it is now), which services still work. A simulation result is mapped into this, so the
 * painter does not depend on the simulator. {@link #NONE} draws the topology as configured.
 *
 * @param servers  server name to state; servers not listed are up
 * @param clusters cluster name to outcome; clusters not listed are unaffected
 * @param services service name to state; services not listed are not drawn with a state
 */
public record StateOverlay(Map<String, ServerState> servers, Map<String, ClusterOutcome> clusters,
                           Map<String, ServiceState> services) {
    public static final StateOverlay NONE = new StateOverlay(Map.of(), Map.of(), Map.of());

    public enum ServerState { UP, FAILED }

    public enum ClusterState {
        /** The primary survived. */
        HEALTHY,
        /** A replica was promoted; {@link ClusterOutcome#primary()} names it. */
        FAILED_OVER,
        /** No primary: nothing could be promoted. */
        DOWN
    }

    public enum ServiceState { OK, DEGRADED, DOWN }

    /** @param primary the primary after the scenario, or null when there is none */
    public record ClusterOutcome(ClusterState state, String primary) {
        public ClusterOutcome {
            Objects.requireNonNull(state, "state");
        }

        public Optional<String> primaryOpt() {
            return Optional.ofNullable(primary);
        }
    }

    public StateOverlay {
        servers = Map.copyOf(servers);
        clusters = Map.copyOf(clusters);
        services = Map.copyOf(services);
    }

    public boolean isEmpty() {
        return servers.isEmpty() && clusters.isEmpty() && services.isEmpty();
    }

    public boolean failed(String server) {
        return servers.get(server) == ServerState.FAILED;
    }

    public Optional<ClusterOutcome> cluster(String name) {
        return Optional.ofNullable(clusters.get(name));
    }

    public Optional<ServiceState> service(String name) {
        return Optional.ofNullable(services.get(name));
    }

    /** True when {@code server} became primary of some cluster in this scenario. */
    public boolean promoted(String server) {
        return clusters.values().stream()
                .anyMatch(c -> c.state() == ClusterState.FAILED_OVER && server.equals(c.primary()));
    }
}
