package dev.failscope.live;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the live sources said at one time: the clusters read, and what could not be read.
 *
 * @param at          when the snapshot was taken
 * @param endpoints   the sources asked, in the order given
 * @param clusters    the clusters read, by name
 * @param unreachable sources and members that did not answer
 */
public record Snapshot(Instant at, List<Endpoint> endpoints, List<LiveCluster> clusters,
                       List<Unreachable> unreachable) {
    public Snapshot {
        at = Objects.requireNonNull(at, "at").truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        endpoints = List.copyOf(endpoints);
        clusters = clusters.stream().sorted(java.util.Comparator.comparing(LiveCluster::name)).toList();
        unreachable = List.copyOf(unreachable);
    }

    /** Every source or member that did not answer, as a finding at the line it came from. */
    public List<dev.failscope.model.Finding> problems() {
        return unreachable.stream().map(u -> DriftRule.UNREACHABLE.finding(u.describe(),
                u.cluster() != null ? u.cluster() : u.endpoint().describe(), u.member(), u.endpoint().origin()))
                .sorted(dev.failscope.model.Finding.ORDER).toList();
    }

    /** The clusters read without a leader. */
    public java.util.Set<String> leaderless() {
        java.util.Set<String> out = new java.util.TreeSet<>();
        clusters.stream().filter(c -> c.primary() == null).forEach(c -> out.add(c.name()));
        return out;
    }

    /** True when no cluster was read at all: never a green result on this. */
    public boolean empty() {
        return clusters.isEmpty();
    }
}
