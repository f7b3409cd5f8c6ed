package dev.failscope.model;

import java.util.ArrayList;
import java.util.List;

/** Accumulates declarations in load order, then freezes them into a {@link Topology}. */
public final class TopologyBuilder {
    final List<String> files = new ArrayList<>();
    final List<Server> servers = new ArrayList<>();
    final List<Cluster> clusters = new ArrayList<>();
    final List<FailoverPolicy> policies = new ArrayList<>();
    final List<Service> services = new ArrayList<>();
    final List<UnknownKey> unknownKeys = new ArrayList<>();
    final List<Finding> loadFindings = new ArrayList<>();
    SourcePosition authoritativeInventory;
    final List<Waiver> waivers = new ArrayList<>();
    final List<Route> routes = new ArrayList<>();
    final java.util.Map<String, Observation> observations = new java.util.LinkedHashMap<>();

    TopologyBuilder() {}

    public TopologyBuilder file(String displayPath) {
        files.add(displayPath);
        return this;
    }

    public TopologyBuilder server(Server s) {
        servers.add(s);
        return this;
    }

    public TopologyBuilder cluster(Cluster c) {
        clusters.add(c);
        return this;
    }

    public TopologyBuilder policy(FailoverPolicy p) {
        policies.add(p);
        return this;
    }

    public TopologyBuilder service(Service s) {
        services.add(s);
        return this;
    }

    public TopologyBuilder unknownKey(UnknownKey k) {
        unknownKeys.add(k);
        return this;
    }

    public TopologyBuilder loadFinding(Finding f) {
        loadFindings.add(f);
        return this;
    }

    /**
     * Marks the inventory as authoritative (the first position wins): servers that imported configs name but no
     * inventory declares are then missing.
     */
    public TopologyBuilder authoritativeInventory(SourcePosition at) {
        if (authoritativeInventory == null) {
            authoritativeInventory = at;
        }
        return this;
    }

    public java.util.Optional<SourcePosition> authoritativeInventory() {
        return java.util.Optional.ofNullable(authoritativeInventory);
    }

    /** The servers declared so far, in order (read-only). */
    public List<Server> servers() {
        return java.util.Collections.unmodifiableList(servers);
    }

    /** Replaces the declaration at {@code index} (an importer merging what it knows into an inventory entry). */
    public TopologyBuilder replaceServer(int index, Server s) {
        servers.set(index, java.util.Objects.requireNonNull(s, "server"));
        return this;
    }

    /** The services declared so far, in order (read-only). */
    public List<Service> services() {
        return java.util.Collections.unmodifiableList(services);
    }

    /** The clusters declared so far, in order (read-only). */
    public List<Cluster> clusters() {
        return java.util.Collections.unmodifiableList(clusters);
    }

    public TopologyBuilder waiver(Waiver w) {
        waivers.add(w);
        return this;
    }

    public TopologyBuilder route(Route r) {
        routes.add(java.util.Objects.requireNonNull(r, "route"));
        return this;
    }

    /** The routes declared so far, in order (read-only). */
    public List<Route> routes() {
        return java.util.Collections.unmodifiableList(routes);
    }

    /** Replaces the route at {@code index} (resolving its targets once every file is loaded). */
    public TopologyBuilder replaceRoute(int index, Route r) {
        routes.set(index, java.util.Objects.requireNonNull(r, "route"));
        return this;
    }

    /** Records what a live source saw of {@code server}; the first observation of a server wins. */
    public TopologyBuilder observation(String server, Observation o) {
        observations.putIfAbsent(java.util.Objects.requireNonNull(server, "server"),
                java.util.Objects.requireNonNull(o, "observation"));
        return this;
    }

    /**
     * Appends what another builder collected (one file read on its own), as if its calls had been made here: lists
     * in order, and the first authoritative inventory and first observation of a server still win. Its files are
     * not appended; the loader names each file itself.
     */
    public TopologyBuilder append(TopologyBuilder part) {
        servers.addAll(part.servers);
        clusters.addAll(part.clusters);
        policies.addAll(part.policies);
        services.addAll(part.services);
        unknownKeys.addAll(part.unknownKeys);
        loadFindings.addAll(part.loadFindings);
        waivers.addAll(part.waivers);
        routes.addAll(part.routes);
        if (part.authoritativeInventory != null) {
            authoritativeInventory(part.authoritativeInventory);
        }
        part.observations.forEach(observations::putIfAbsent);
        return this;
    }

    public Topology build() {
        return new Topology(this);
    }
}
