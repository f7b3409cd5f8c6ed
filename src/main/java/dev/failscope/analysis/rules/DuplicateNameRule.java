package dev.failscope.analysis.rules;

import dev.failscope.analysis.Rule;
import dev.failscope.model.Cluster;
import dev.failscope.model.FailoverPolicy;
import dev.failscope.model.Finding;
import dev.failscope.model.Server;
import dev.failscope.model.Service;
import dev.failscope.model.Severity;
import dev.failscope.model.SourcePosition;
import dev.failscope.model.Topology;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Two servers, two clusters or two services share a name, or a cluster has two failover documents. Reported at
 * each later declaration, naming the first; lookups use the first.
 */
public final class DuplicateNameRule implements Rule {
    @Override
    public String id() {
        return "duplicate-name";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public String description() {
        return "two servers, clusters or services share a name, or a cluster has two failover documents";
    }

    @Override
    public List<Finding> check(Topology topology) {
        List<Finding> findings = new ArrayList<>();
        duplicates(topology.servers(), Server::name, Server::position, "server", findings);
        duplicates(topology.clusters(), Cluster::name, Cluster::position, "cluster", findings);
        duplicates(topology.services(), Service::name, Service::position, "service", findings);
        Map<String, SourcePosition> firstPolicy = new HashMap<>();
        for (FailoverPolicy p : topology.policies()) {
            String name = p.cluster().name();
            SourcePosition first = firstPolicy.putIfAbsent(name, p.position());
            if (first != null) {
                findings.add(finding("cluster '" + name + "' has a second failover document; the first (at "
                        + first.reference() + ") is the one in force: merge them into one", name, null,
                        p.position()));
            }
        }
        return findings;
    }

    private <T> void duplicates(List<T> items, Function<T, String> name, Function<T, SourcePosition> position,
                                String kind, List<Finding> findings) {
        Map<String, SourcePosition> first = new HashMap<>();
        for (T item : items) {
            SourcePosition earlier = first.putIfAbsent(name.apply(item), position.apply(item));
            if (earlier != null) {
                findings.add(finding(kind + " '" + name.apply(item) + "' is declared again; the first "
                        + "declaration (at " + earlier.reference() + ") is the one in force: rename or remove one",
                        name.apply(item), null, position.apply(item)));
            }
        }
    }
}
