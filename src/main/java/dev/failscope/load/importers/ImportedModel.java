package dev.failscope.load.importers;

import dev.failscope.model.Cluster;
import dev.failscope.model.FailoverPolicy;
import dev.failscope.model.Server;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The vendor-independent result of all importers of one load run, before it meets the inventory: servers the
 * imported configs declare (by the name the format gives them), and clusters and policies whose references use
 * those names. {@link ImportResolver} then matches the servers to the inventory and renames the references.
 */
public final class ImportedModel {
    private final Map<String, Server> servers = new LinkedHashMap<>();
    private final List<Cluster> clusters = new ArrayList<>();
    private final List<FailoverPolicy> policies = new ArrayList<>();

    /** Declares a server; the first declaration of a name wins (several files may name the same server). */
    public void server(Server s) {
        servers.putIfAbsent(s.name(), s);
    }

    public void cluster(Cluster c) {
        clusters.add(c);
    }

    public void policy(FailoverPolicy p) {
        policies.add(p);
    }

    public boolean declares(String server) {
        return servers.containsKey(server);
    }

    public List<Server> servers() {
        return List.copyOf(servers.values());
    }

    public List<Cluster> clusters() {
        return List.copyOf(clusters);
    }

    public List<FailoverPolicy> policies() {
        return List.copyOf(policies);
    }
}
