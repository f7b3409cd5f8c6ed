package dev.failscope.analysis;

import dev.failscope.analysis.rules.ClusterMissingRule;
import dev.failscope.analysis.rules.DcsQuorumRule;
import dev.failscope.analysis.rules.DuplicateNameRule;
import dev.failscope.analysis.rules.FailoverDelayedRule;
import dev.failscope.analysis.rules.FailoverTargetAsyncRule;
import dev.failscope.analysis.rules.FailoverTargetDecommissionedRule;
import dev.failscope.analysis.rules.FailoverTargetIsPrimaryRule;
import dev.failscope.analysis.rules.FailoverTargetLaggingRule;
import dev.failscope.analysis.rules.FailoverTargetMaintenanceRule;
import dev.failscope.analysis.rules.FailoverTargetMissingRule;
import dev.failscope.analysis.rules.FailoverTargetNoFailoverRule;
import dev.failscope.analysis.rules.FailoverTargetOtherRegionRule;
import dev.failscope.analysis.rules.FailoverTargetOutsideClusterRule;
import dev.failscope.analysis.rules.FailoverTargetSameZoneRule;
import dev.failscope.analysis.rules.ManagerSettingIgnoredRule;
import dev.failscope.analysis.rules.NoFailoverPolicyRule;
import dev.failscope.analysis.rules.NoViableFailoverRule;
import dev.failscope.analysis.rules.ReplicationCycleRule;
import dev.failscope.analysis.rules.RouteBackendMissingMemberRule;
import dev.failscope.analysis.rules.RouteBypassedRule;
import dev.failscope.analysis.rules.RouteCheckNeverPassesRule;
import dev.failscope.analysis.rules.RouteCheckWrongRoleRule;
import dev.failscope.analysis.rules.RouteMissingRule;
import dev.failscope.analysis.rules.RoutePinsServerRule;
import dev.failscope.analysis.rules.RouteTargetDecommissionedRule;
import dev.failscope.analysis.rules.RouteTargetMissingRule;
import dev.failscope.analysis.rules.RouteTargetUnknownRule;
import dev.failscope.analysis.rules.SentinelQuorumRule;
import dev.failscope.analysis.rules.ServerDecommissionedInUseRule;
import dev.failscope.analysis.rules.ServerInTwoClustersRule;
import dev.failscope.analysis.rules.ServerMissingRule;
import dev.failscope.analysis.rules.ServicePinnedToServerRule;
import dev.failscope.analysis.rules.SingleZoneClusterRule;
import dev.failscope.analysis.rules.UnknownKeyRule;
import dev.failscope.analysis.rules.UnusedServerRule;
import dev.failscope.analysis.rules.WaiverExpiredRule;
import dev.failscope.analysis.rules.WaiverUnusedRule;
import dev.failscope.model.FailoverPolicy;
import dev.failscope.model.Finding;
import dev.failscope.model.Topology;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Every rule, listed explicitly. No classpath scanning. */
public final class RuleCatalog {
    private final List<Rule> rules;

    public RuleCatalog(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The standard catalogue. */
    public static RuleCatalog standard() {
        return new RuleCatalog(List.of(
                // errors
                new FailoverTargetMissingRule(),
                new FailoverTargetDecommissionedRule(),
                new FailoverTargetOutsideClusterRule(),
                new FailoverTargetIsPrimaryRule(),
                new NoViableFailoverRule(),
                new ServerMissingRule(),
                new ServerDecommissionedInUseRule(),
                new ClusterMissingRule(),
                new DuplicateNameRule(),
                new ServerInTwoClustersRule(),
                new ReplicationCycleRule(),
                new SentinelQuorumRule(),
                new DcsQuorumRule(),
                new UnknownKeyRule(),
                new RouteTargetMissingRule(),
                new RouteTargetDecommissionedRule(),
                new RoutePinsServerRule(),
                new RouteCheckNeverPassesRule(),
                new RouteBypassedRule(),
                new RouteMissingRule(),
                // warnings
                new FailoverTargetMaintenanceRule(),
                new FailoverTargetNoFailoverRule(),
                new FailoverTargetLaggingRule(),
                new FailoverTargetAsyncRule(),
                new FailoverTargetSameZoneRule(),
                new FailoverTargetOtherRegionRule(),
                new FailoverDelayedRule(),
                new ManagerSettingIgnoredRule(),
                new NoFailoverPolicyRule(),
                new SingleZoneClusterRule(),
                new ServicePinnedToServerRule(),
                new RouteBackendMissingMemberRule(),
                new RouteCheckWrongRoleRule(),
                new WaiverExpiredRule(),
                new WaiverUnusedRule(),
                // infos
                new UnusedServerRule(),
                new RouteTargetUnknownRule()));
    }

    /** Rules sorted by severity, then id: the order {@code failscope rules} prints. */
    public List<Rule> rules() {
        return rules.stream().sorted(Comparator.comparing(Rule::severity).thenComparing(Rule::id)).toList();
    }

    public Optional<Rule> rule(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** Runs every rule, side by side on this machine's processors; the result is unsorted. */
    public List<Finding> check(Topology topology) {
        return check(topology, dev.failscope.load.ReadAhead.defaultThreads());
    }

    /**
     * Runs every rule on {@code threads} worker threads (one: on the caller's thread). Rules are pure and share
     * only the context's candidate evaluation, which is safe to share; the findings come in catalogue order
     * whatever the number.
     */
    public List<Finding> check(Topology topology, int threads) {
        RuleContext context = new RuleContext(topology);
        assessFirst(context, threads);
        List<Finding> findings = new ArrayList<>();
        try (dev.failscope.load.ReadAhead<Rule, List<Finding>> each = dev.failscope.load.ReadAhead.allAtOnce(rules,
                rule -> rule.check(context), threads)) {
            while (each.hasNext()) {
                findings.addAll(each.next());
            }
        }
        return findings;
    }

    /**
     * The candidate rules share one assessment per policy ({@link RuleContext#evaluator()}). Left to them, the
     * first two (both candidate rules) ask for the same policies in the same order, so one worker waits on the
     * other's computation: the assessments are made here first, in equal shares on the workers.
     */
    /** Fewer policies than this are assessed by the rules as they go: a share would cost less than its start. */
    static final int ASSESS_FIRST_FROM = 1024;

    private static void assessFirst(RuleContext context, int threads) {
        List<FailoverPolicy> policies = context.effectivePolicies();
        if (threads < 2 || policies.size() < ASSESS_FIRST_FROM) {
            return; // a small topology: less than a worker's start
        }
        List<List<FailoverPolicy>> shares = new ArrayList<>();
        int size = (policies.size() + threads - 1) / threads;
        for (int from = 0; from < policies.size(); from += size) {
            shares.add(policies.subList(from, Math.min(policies.size(), from + size)));
        }
        try (dev.failscope.load.ReadAhead<List<FailoverPolicy>, Integer> each =
                dev.failscope.load.ReadAhead.allAtOnce(shares, share -> {
                    share.forEach(context.evaluator()::assess);
                    return share.size();
                }, threads)) {
            while (each.hasNext()) {
                each.next();
            }
        }
    }
}
