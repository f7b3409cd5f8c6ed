package dev.failscope.analysis.rules;

import dev.failscope.analysis.Rule;
import dev.failscope.load.SuggestionIndex;
import dev.failscope.model.Cluster;
import dev.failscope.model.Dependency;
import dev.failscope.model.FailoverPolicy;
import dev.failscope.model.Finding;
import dev.failscope.model.Service;
import dev.failscope.model.Severity;
import dev.failscope.model.Topology;
import java.util.ArrayList;
import java.util.List;

/** A failover document or a service refers to a cluster that is declared nowhere. */
public final class ClusterMissingRule implements Rule {
    @Override
    public String id() {
        return "cluster-missing";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public String description() {
        return "a failover document or service refers to an undeclared cluster";
    }

    @Override
    public List<Finding> check(Topology topology) {
        List<Finding> findings = new ArrayList<>();
        SuggestionIndex[] declared = new SuggestionIndex[1];
        for (FailoverPolicy p : topology.policies()) {
            String name = p.cluster().name();
            if (topology.cluster(name).isEmpty()) {
                findings.add(finding("failover document for cluster '" + name + "' refers to a cluster no "
                        + "'kind: cluster' document declares: " + fix(topology, declared, name),
                        name, name, p.cluster().position()));
            }
        }
        for (Service s : topology.services()) {
            for (Dependency d : s.dependsOn()) {
                String name = d.target().name();
                if (d.kind() == Dependency.Kind.CLUSTER && topology.cluster(name).isEmpty()) {
                    findings.add(finding("service '" + s.name() + "' depends on cluster '" + name
                            + "', which no 'kind: cluster' document declares: " + fix(topology, declared, name),
                            s.name(), name, d.target().position()));
                }
            }
        }
        return findings;
    }

    /**
     * "did you mean 'posts-db'?" when a declared cluster name is close, else the generic fix. The index of declared
     * names is built once per check, on the first missing name: asking it is near linear in the clusters, where a
     * full edit-distance scan per missing name made the rule quadratic on large fleets.
     */
    private static String fix(Topology topology, SuggestionIndex[] declared, String name) {
        if (declared[0] == null) {
            declared[0] = new SuggestionIndex(topology.clusters().stream().map(Cluster::name).toList());
        }
        return declared[0].closest(name).map(s -> "did you mean '" + s + "'?")
                .orElse("fix the name or declare the cluster");
    }
}
