package dev.failscope.simulation;

import dev.failscope.model.Cluster;
import dev.failscope.model.Durations;
import dev.failscope.model.Replica;
import dev.failscope.model.ReplicationMode;
import java.time.Duration;
import java.util.List;

/** The RPO risk of a cluster's promotions so far: the worst lag of any promoted async replica. */
final class RpoRisk {
    private Duration risk;
    private boolean unknown;

    /** Adds promoting one of {@code winners} (the worst of them counts) and says its risk in words. */
    String add(Cluster cluster, List<String> winners) {
        boolean allSync = true;
        Duration worst = null;
        boolean noLag = false;
        for (String w : winners) {
            Replica r = cluster.replica(w).orElseThrow();
            if (r.mode() == ReplicationMode.SYNC) {
                continue;
            }
            allSync = false;
            if (r.lag() == null) {
                noLag = true;
            } else if (worst == null || r.lag().compareTo(worst) > 0) {
                worst = r.lag();
            }
        }
        if (allSync) {
            risk = risk == null ? Duration.ZERO : risk;
            return "RPO risk 0s, sync";
        }
        if (noLag) {
            unknown = true;
            return "RPO risk unknown, async without a lag";
        }
        risk = risk == null || worst.compareTo(risk) > 0 ? worst : risk;
        return "RPO risk " + Durations.format(worst) + " of async lag";
    }

    /** The worst risk so far, or null when unknown or nothing was promoted. */
    Duration value() {
        return unknown ? null : risk;
    }
}
