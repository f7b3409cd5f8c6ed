package dev.failscope.generate;

import java.util.ArrayList;
import java.util.List;

/** The mutable working model of a fleet while it is generated and faults are injected. */
final class FleetModel {
    final List<GServer> servers = new ArrayList<>();
    final List<GCluster> clusters = new ArrayList<>();
    final List<GService> services = new ArrayList<>();

    static final class GServer {
        final String name;
        final String address;
        final String region;
        String zone;
        String host;
        String status = "active";
        boolean noFailover;
        final String team;
        final String engine;
        String purpose;

        GServer(String name, String address, String region, String zone, String host, String team, String engine) {
            this.name = name;
            this.address = address;
            this.region = region;
            this.zone = zone;
            this.host = host;
            this.team = team;
            this.engine = engine;
        }
    }

    static final class GReplica {
        final GServer server;
        String source;
        final String mode;
        String lag;

        GReplica(GServer server, String source, String mode, String lag) {
            this.server = server;
            this.source = source;
            this.mode = mode;
            this.lag = lag;
        }
    }

    static final class GCluster {
        final String name;
        final String domain;
        final String engine;
        final GServer primary;
        final List<GReplica> replicas = new ArrayList<>();
        boolean hasPolicy;
        final List<String> candidates = new ArrayList<>();
        String detection;
        String attemptTimeout = "60s";
        String maxLag;
        final List<String> comments = new ArrayList<>();

        GCluster(String name, String domain, String engine, GServer primary) {
            this.name = name;
            this.domain = domain;
            this.engine = engine;
            this.primary = primary;
        }
    }

    /** A dependency: {@code kind} is "cluster" or "server". */
    record GDependency(String kind, String target, String access, String comment) {}

    static final class GService {
        final String name;
        final String domain;
        final List<GDependency> dependsOn = new ArrayList<>();

        GService(String name, String domain) {
            this.name = name;
            this.domain = domain;
        }
    }
}
