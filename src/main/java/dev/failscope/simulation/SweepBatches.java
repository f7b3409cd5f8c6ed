package dev.failscope.simulation;

import dev.failscope.load.ReadAhead;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a sweep, evaluated on a few worker threads in batches of scenarios and handed back strictly in
 * scenario order ({@link ReadAhead}): the rows, and the progress told after each, do not depend on how many
 * threads ran them or which finished first. A batch holds consecutive scenarios of about the same cost (the
 * servers they fail): thousands of single servers, or one zone. The progress is told on the caller's thread,
 * one row at a time, in order; when it says stop, the batches not yet taken are cancelled.
 */
final class SweepBatches {
    /** Batches per worker, at least: enough for the workers to stay busy when one batch runs long. */
    private static final int BATCHES_PER_THREAD = 16;
    /** Failed servers per batch, at least: a batch's hand-over costs about as much as a few rows. */
    private static final int MIN_BATCH_COST = 64;

    private SweepBatches() {}

    /**
     * The rows of the scenarios, in order; a stopped sweep returns the rows up to and including the one the
     * progress said stop after.
     */
    static List<SweepRow> rows(SweepEvaluator evaluator, List<FailureScenario> scenarios, Sweep.Progress progress,
                               int threads) {
        List<List<FailureScenario>> batches = batches(evaluator.index(), scenarios, threads);
        List<SweepRow> rows = new ArrayList<>(scenarios.size());
        try (ReadAhead<List<FailureScenario>, List<SweepRow>> ahead =
                     new ReadAhead<>(batches, batch -> evaluate(evaluator, batch), threads)) {
            while (ahead.hasNext()) {
                for (SweepRow row : ahead.next()) {
                    rows.add(row);
                    if (!progress.step(rows.size(), scenarios.size())) {
                        return rows;
                    }
                }
            }
        }
        return rows;
    }

    private static List<SweepRow> evaluate(SweepEvaluator evaluator, List<FailureScenario> batch) {
        List<SweepRow> out = new ArrayList<>(batch.size());
        for (FailureScenario s : batch) {
            out.add(evaluator.row(s));
        }
        return out;
    }

    /** Consecutive scenarios, cut where a batch's failed servers reach the target cost. */
    static List<List<FailureScenario>> batches(SimulationIndex index, List<FailureScenario> scenarios,
                                               int threads) {
        if (threads <= 1) {
            return scenarios.isEmpty() ? List.of() : List.of(scenarios);
        }
        long[] costs = new long[scenarios.size()];
        long total = 0;
        for (int i = 0; i < costs.length; i++) {
            costs[i] = cost(index, scenarios.get(i));
            total += costs[i];
        }
        long target = Math.max(MIN_BATCH_COST, total / ((long) threads * BATCHES_PER_THREAD));
        List<List<FailureScenario>> out = new ArrayList<>();
        int from = 0;
        long cost = 0;
        for (int i = 0; i < costs.length; i++) {
            cost += costs[i];
            if (cost >= target) {
                out.add(scenarios.subList(from, i + 1));
                from = i + 1;
                cost = 0;
            }
        }
        if (from < costs.length) {
            out.add(scenarios.subList(from, costs.length));
        }
        return out;
    }

    private static long cost(SimulationIndex index, FailureScenario scenario) {
        long servers = 0;
        for (FailureTarget t : scenario.targets()) {
            servers += t.kind() == FailureTarget.Kind.SERVER ? 1 : index.serversOf(t).size();
        }
        return Math.max(1, servers);
    }
}
