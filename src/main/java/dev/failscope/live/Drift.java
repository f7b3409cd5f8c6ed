package dev.failscope.live;

import dev.failscope.diff.Change;
import dev.failscope.diff.ChangeElement;
import dev.failscope.diff.ChangeType;
import dev.failscope.diff.TopologyDiff;
import dev.failscope.model.Cluster;
import dev.failscope.model.FailoverPolicy;
import dev.failscope.model.ManagerKind;
import dev.failscope.model.ManagerSpec;
import dev.failscope.model.Observation;
import dev.failscope.model.Ref;
import dev.failscope.model.Server;
import dev.failscope.model.ServerStatus;
import dev.failscope.model.SourcePosition;
import dev.failscope.model.Topology;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Committed versus running: the semantic diff ({@link TopologyDiff}) of the committed topology and a snapshot,
 * read for what matters live, plus what only the snapshot's {@code observed:} values hold (lag, priority,
 * reachability). Every finding points at the committed side: the line to fix, or to look at. Only clusters that
 * both sides hold are compared member by member; a committed cluster the live sources did not report is an info.
 * Pure: neither topology is touched.
 */
public final class Drift {
    private Drift() {}

    /**
     * The drift findings, sorted; {@code unreachable} adds what the snapshot could not read, {@code leaderless}
     * the clusters the manager reported without a leader (the snapshot writes no cluster document for them).
     */
    public static List<dev.failscope.model.Finding> compare(Topology committed, Topology live,
                                                           List<Unreachable> unreachable, Set<String> leaderless) {
        List<dev.failscope.model.Finding> out = new ArrayList<>();
        Set<String> both = new HashSet<>();
        for (Cluster c : committed.clusters()) {
            if (live.cluster(c.name()).isPresent()) {
                both.add(c.name());
            } else if (leaderless.contains(c.name())) {
                out.add(DriftRule.NO_PRIMARY.finding("cluster " + c.name() + " has no leader now: the manager "
                        + "reports members but none leads", c.name(), null, c.primary().position()));
            } else {
                out.add(DriftRule.CLUSTER_NOT_LIVE.finding("cluster " + c.name() + " was not among the clusters "
                        + "the live sources reported" + (liveNames(live).isEmpty() ? "" : " (" + liveNames(live)
                        + ")"), c.name(), null, c.position()));
            }
        }
        for (Change ch : TopologyDiff.compare(committed, live)) {
            fromChange(ch, committed, live, both, out);
        }
        for (String name : both) {
            Cluster was = committed.cluster(name).orElseThrow();
            Cluster now = live.cluster(name).orElseThrow();
            members(was, now, committed, live, out);
        }
        unreachable(committed, live, unreachable, out);
        return out.stream().distinct().sorted(dev.failscope.model.Finding.ORDER).toList();
    }

    private static String liveNames(Topology live) {
        return String.join(", ", live.clusters().stream().map(Cluster::name).sorted().toList());
    }

    private static void fromChange(Change ch, Topology committed, Topology live, Set<String> both,
                                   List<dev.failscope.model.Finding> out) {
        if (ch.element() == ChangeElement.CLUSTER && ch.field().orElse("").equals("primary")
                && both.contains(ch.subject()) && ch.type() == ChangeType.CHANGED) {
            out.add(DriftRule.PRIMARY.finding("cluster " + ch.subject() + ": the running primary is "
                    + ch.after().orElse("?") + ", the committed one " + ch.before().orElse("?"), ch.subject(),
                    ch.after().orElse(null), ch.beforePosition().orElse(ch.position())));
        } else if (ch.element() == ChangeElement.SERVER && ch.field().orElse("").equals("no-failover")
                && liveMember(live, ch.subject())) {
            boolean liveNo = Boolean.parseBoolean(ch.after().orElse("false"));
            out.add(DriftRule.NO_FAILOVER.finding("server " + ch.subject() + " is " + (liveNo
                    ? "never promoted live (nofailover tag or replica-priority 0) but may fail over as committed"
                    : "a failover candidate live but no-failover as committed"),
                    live.clustersOf(ch.subject()).get(0).name(), ch.subject(),
                    ch.beforePosition().orElse(ch.position())));
        }
    }

    private static boolean liveMember(Topology live, String server) {
        return !live.clustersOf(server).isEmpty();
    }

    private static void members(Cluster was, Cluster now, Topology committed, Topology live,
                                List<dev.failscope.model.Finding> out) {
        Set<String> committedMembers = new HashSet<>();
        was.members().forEach(r -> committedMembers.add(r.name()));
        for (Ref m : now.members()) {
            Optional<Server> declared = committed.server(m.name());
            if (declared.isEmpty()) {
                out.add(DriftRule.UNKNOWN_MEMBER.finding("cluster " + was.name() + ": " + m.name() + " is a running "
                        + "member the committed inventory does not declare", was.name(), m.name(), was.position()));
            } else if (declared.get().status() == ServerStatus.DECOMMISSIONED) {
                out.add(DriftRule.DECOMMISSIONED_MEMBER.finding("cluster " + was.name() + ": " + m.name()
                        + " is a running member, but the committed inventory calls it decommissioned", was.name(),
                        m.name(), declared.get().statusPosition()));
            } else if (!committedMembers.contains(m.name())) {
                out.add(DriftRule.UNKNOWN_MEMBER.finding("cluster " + was.name() + ": " + m.name() + " is a running "
                        + "member the committed cluster does not list", was.name(), m.name(), was.position()));
            }
            declared.ifPresent(s -> serverValues(was, s, live, committed, out));
        }
        Set<String> running = new HashSet<>();
        now.members().forEach(r -> running.add(r.name()));
        for (Ref m : was.members()) {
            if (!running.contains(m.name())) {
                out.add(DriftRule.MISSING_MEMBER.finding("cluster " + was.name() + ": " + m.name() + " is committed "
                        + "as a member but the manager does not run it", was.name(), m.name(), m.position()));
            }
        }
        lag(was, now, committed, live, out);
    }

    private static void serverValues(Cluster cluster, Server committed, Topology live, Topology committedTopology,
                                     List<dev.failscope.model.Finding> out) {
        Optional<Server> running = live.server(committed.name());
        if (running.isPresent()) {
            for (Map.Entry<String, String> tag : new java.util.TreeMap<>(committed.tags()).entrySet()) {
                String liveValue = running.get().tags().get(tag.getKey());
                if (liveValue != null && !liveValue.equals(tag.getValue())) {
                    out.add(DriftRule.TAG.finding("server " + committed.name() + ": tag " + tag.getKey() + " is "
                            + liveValue + " live, " + tag.getValue() + " as committed", cluster.name(),
                            committed.name(), committed.facts().orElse("tags", committed.position())));
                }
            }
        }
        Optional<Observation> seen = live.observation(committed.name());
        Optional<FailoverPolicy> policy = committedTopology.policy(cluster.name());
        if (seen.isPresent() && seen.get().priority() != null && policy.isPresent()
                && policy.get().manager().kind() == ManagerKind.SENTINEL && !cluster.primary().name()
                .equals(committed.name())) {
            ManagerSpec.Setting written = policy.get().manager().members().getOrDefault(committed.name(), Map.of())
                    .get("replica-priority");
            int expected = written == null ? 100 : parse(written.value(), 100);
            if (expected != seen.get().priority()) {
                out.add(DriftRule.PRIORITY.finding("server " + committed.name() + ": replica-priority is "
                        + seen.get().priority() + " live, " + expected + (written == null ? " (Redis' default, "
                        + "none written)" : "") + " as committed", cluster.name(), committed.name(), written != null
                        ? written.at() : committed.position()));
            }
        }
    }

    /**
     * Lag in bytes (Patroni's lag, Redis' master offset minus the replica's) against the committed policy's
     * {@code max-lag-bytes}, else the live policy's (Patroni's maximum_lag_on_failover); strictly greater is
     * drift, as Patroni refuses a candidate whose lag exceeds the limit. A policy that limits lag only in time
     * cannot be compared with bytes: that is said, not guessed.
     */
    private static void lag(Cluster was, Cluster now, Topology committed, Topology live,
                            List<dev.failscope.model.Finding> out) {
        Optional<FailoverPolicy> policy = committed.policy(was.name());
        Optional<Long> limit = policy.flatMap(FailoverPolicy::maxLagBytesOpt)
                .or(() -> live.policy(now.name()).flatMap(FailoverPolicy::maxLagBytesOpt));
        for (Ref m : now.members()) {
            if (m.name().equals(now.primary().name())) {
                continue;
            }
            Optional<Long> lag = live.observation(m.name()).flatMap(Observation::lagBytesOpt);
            if (lag.isEmpty()) {
                continue;
            }
            SourcePosition at = policy.map(p -> p.facts().orElse("max-lag-bytes", p.position()))
                    .or(() -> committed.server(m.name()).map(Server::position)).orElse(was.position());
            if (limit.isPresent() && lag.get() > limit.get()) {
                out.add(DriftRule.LAG.finding("cluster " + was.name() + ": " + m.name() + " lags " + lag.get()
                        + " bytes behind, more than max-lag-bytes " + limit.get() + (policy.flatMap(
                        FailoverPolicy::maxLagBytesOpt).isPresent() ? "" : " (the manager's maximum_lag_on_failover)")
                        + ": it would not be promoted", was.name(), m.name(), at));
            } else if (limit.isEmpty() && lag.get() > 0 && policy.flatMap(FailoverPolicy::maxLagOpt).isPresent()) {
                out.add(DriftRule.LAG_UNCOMPARED.finding("cluster " + was.name() + ": " + m.name() + " lags "
                        + lag.get() + " bytes; the policy's max-lag is a time, which bytes cannot be compared with",
                        was.name(), m.name(), at));
            }
        }
    }

    private static void unreachable(Topology committed, Topology live, List<Unreachable> unreachable,
                                    List<dev.failscope.model.Finding> out) {
        for (Map.Entry<String, Observation> o : live.observations().entrySet()) {
            if ("unreachable".equals(o.getValue().state())) {
                String server = o.getKey();
                String cluster = live.clustersOf(server).stream().map(Cluster::name).findFirst().orElse(server);
                out.add(DriftRule.UNREACHABLE.finding("member " + server + " of " + cluster + " did not answer the "
                        + "snapshot", cluster, server, committed.server(server).map(Server::position)
                        .or(() -> committed.cluster(cluster).map(Cluster::position))
                        .orElse(o.getValue().position())));
            }
        }
        for (Unreachable u : unreachable) {
            if (u.member() != null && live.observation(u.member()).map(o -> "unreachable".equals(o.state()))
                    .orElse(false)) {
                continue;
            }
            String cluster = u.cluster() != null ? u.cluster() : u.member() == null ? null
                    : live.clustersOf(u.member()).stream().map(Cluster::name).findFirst().orElse(null);
            String subject = cluster != null ? cluster : u.endpoint().describe();
            SourcePosition at = Optional.ofNullable(u.member()).flatMap(committed::server).map(Server::position)
                    .or(() -> Optional.ofNullable(cluster).flatMap(committed::cluster).map(Cluster::position))
                    .orElse(u.endpoint().origin());
            out.add(DriftRule.UNREACHABLE.finding(u.describe(), subject, u.member(), at));
        }
    }

    private static int parse(String s, int fallback) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
