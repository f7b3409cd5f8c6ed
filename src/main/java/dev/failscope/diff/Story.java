package dev.failscope.diff;

import dev.failscope.analysis.CandidateReason;
import dev.failscope.model.FailoverPolicy;
import dev.failscope.model.Finding;
import dev.failscope.model.Ref;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Words for a reviewer: what the change does to failover, cluster by cluster. For example "this change points
 * catify-main's only failover candidate at a decommissioned server (db-legacy-2); losing db-main-1 after this
 * deploy is an outage".
 */
final class Story {
    private Story() {}

    static List<String> of(Comparison c) {
        Map<String, List<String>> byCluster = new LinkedHashMap<>();
        for (Finding f : c.findings().introduced()) {
            reason(f).ifPresent(r -> byCluster.computeIfAbsent(f.subject(), k -> new ArrayList<>())
                    .add(candidateSentence(c, f, r)));
        }
        for (Finding f : c.findings().introduced()) {
            Optional<String> cluster = routeCluster(c, f);
            String route = cluster.map(k -> k + "'s route ").orElse("route ") + f.subject();
            routeSentence(f, route).ifPresent(sentence -> byCluster.computeIfAbsent(
                    cluster.orElse("route " + f.subject()), k -> new ArrayList<>()).add(sentence));
        }
        for (ResilienceDelta d : c.resilience()) {
            if (d.regressed()) {
                byCluster.computeIfAbsent(d.cluster(), k -> new ArrayList<>(List.of(d.cluster() + ": this change")))
                        .add("losing " + d.primary() + " after this deploy is an outage (before: "
                                + d.before().orElseThrow().summary() + ")");
            }
        }
        List<String> lines = new ArrayList<>();
        byCluster.values().forEach(parts -> lines.add(join(parts)));
        for (ResilienceDelta d : c.resilience()) {
            if (d.improved()) {
                lines.add(d.cluster() + ": losing " + d.primary() + " was an outage; after this change it is "
                        + d.after().orElseThrow().describe());
            }
        }
        return lines;
    }

    /** "this change points X's only failover candidate at a decommissioned server (db-legacy-2)". */
    private static String candidateSentence(Comparison c, Finding f, CandidateReason reason) {
        String cluster = f.subject();
        String target = Optional.ofNullable(f.target()).orElse("?");
        Optional<FailoverPolicy> policy = c.after().topology().policy(cluster);
        List<String> names = policy.map(p -> p.candidates().stream().map(Ref::name).toList()).orElse(List.of());
        String which = names.size() == 1 ? "only failover candidate"
                : "failover candidate #" + (names.indexOf(target) + 1);
        boolean pointed = c.changes().stream().anyMatch(ch -> ch.element() == ChangeElement.FAILOVER_CANDIDATE
                && ch.type() == ChangeType.ADDED && ch.subject().equals(cluster)
                && ch.target().filter(target::equals).isPresent());
        if (pointed) {
            return "this change points " + cluster + "'s " + which + " at " + phrase(reason) + " (" + target + ")";
        }
        return "this change makes " + cluster + "'s " + which + " " + target + " " + phrase(reason);
    }

    /**
     * "this change makes catify-main's route pgbouncer-catify pin db-main-1 (a fixed host: its clients do not
     * follow a failover)", for a finding of a route rule that sends clients where a failover cannot reach them.
     */
    private static Optional<String> routeSentence(Finding f, String route) {
        String target = Optional.ofNullable(f.target()).orElse("?");
        return switch (f.rule()) {
            case "route-pins-server" -> Optional.of("this change makes " + route + " pin " + target
                    + " (a fixed host: its clients do not follow a failover)");
            case "route-target-decommissioned" -> Optional.of("this change points " + route
                    + " at a decommissioned server (" + target + ")");
            case "route-target-missing" -> Optional.of("this change points " + route + " at " + target
                    + ", declared nowhere");
            default -> Optional.empty();
        };
    }

    /** The cluster the finding's route serves after the change, if it says. */
    private static Optional<String> routeCluster(Comparison c, Finding f) {
        return c.after().topology().route(f.subject()).flatMap(r -> r.clusterOpt()).map(Ref::name);
    }

    private static String join(List<String> parts) {
        if (parts.size() > 1 && parts.get(0).endsWith(": this change")) {
            return parts.get(0).replace(": this change", ": " + String.join("; ", parts.subList(1, parts.size())));
        }
        return String.join("; ", parts);
    }

    private static Optional<CandidateReason> reason(Finding f) {
        return Arrays.stream(CandidateReason.values()).filter(r -> f.rule().equals(r.rule())).findFirst();
    }

    private static String phrase(CandidateReason reason) {
        return switch (reason) {
            case MISSING -> "a server declared in no inventory";
            case DECOMMISSIONED -> "a decommissioned server";
            case IS_PRIMARY -> "its own primary";
            case OUTSIDE_CLUSTER -> "a server outside the cluster";
            case MAINTENANCE -> "a server in maintenance";
            case NO_FAILOVER -> "a server marked no-failover";
            case LAGGING -> "a replica lagging over max-lag";
            case ASYNC -> "an async replica under require-sync";
            case OTHER_REGION -> "a server in another region";
            case SAME_ZONE -> "a server in the primary's failure domain";
            case FAILED, SOURCE_BROKEN -> reason.label();
        };
    }
}
