package dev.failscope.analysis.rules;

import dev.failscope.model.Cluster;
import dev.failscope.model.Dependency;
import dev.failscope.model.Ref;
import dev.failscope.model.Replica;
import dev.failscope.model.Service;
import dev.failscope.model.Topology;
import java.util.ArrayList;
import java.util.List;

/**
 * One place where a cluster or a service names a server: a primary, a replica, a replica's explicit source, or
 * a service's pinned dependency. Every declaration is walked, duplicates included, since each reference is a
 * node someone wrote.
 *
 * @param holder  whether a cluster or a service refers to the server
 * @param subject the cluster or service name
 * @param server  the reference, at the referring scalar
 * @param role    how the holder uses it: "as its primary", "as a replica", ...
 */
record ServerReference(Holder holder, String subject, Ref server, String role) {
    enum Holder { CLUSTER, SERVICE }

    static List<ServerReference> of(Topology topology) {
        List<ServerReference> refs = new ArrayList<>();
        for (Cluster c : topology.clusters()) {
            refs.add(new ServerReference(Holder.CLUSTER, c.name(), c.primary(), "as its primary"));
            for (Replica r : c.replicas()) {
                refs.add(new ServerReference(Holder.CLUSTER, c.name(), r.server(), "as a replica"));
                if (r.source() != null) {
                    refs.add(new ServerReference(Holder.CLUSTER, c.name(), r.source(),
                            "as the replication source of replica '" + r.server().name() + "'"));
                }
            }
        }
        for (Service s : topology.services()) {
            for (Dependency d : s.dependsOn()) {
                if (d.kind() == Dependency.Kind.SERVER) {
                    refs.add(new ServerReference(Holder.SERVICE, s.name(), d.target(),
                            "as a pinned dependency"));
                }
            }
        }
        return refs;
    }

    /** {@code cluster 'c'} or {@code service 's'}, for messages. */
    String describeHolder() {
        return (holder == Holder.CLUSTER ? "cluster '" : "service '") + subject + "'";
    }

    String name() {
        return server.name();
    }
}
