package dev.failscope.simulation;

import dev.failscope.load.ReadAhead;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a sweep, evaluated on a few worker threads in batches of scenarios and handed back strictly in
 * scenario order ({@link ReadAhead}): the rows, and the progress told after each, do not depend on how many
 * threads ran them or which finished first. A batch holds consecutive scenarios of about the same cost (the
 * servers they fail): thousands of single servers, or one zone. A scenario that costs more than a batch (a
 * zone, a region) is first split into shares of its cluster runs ({@link SweepEvaluator#prepare}) that the
 * workers run side by side; its row then reads them from the memo. The progress is told on the caller's
 * thread, one row at a time, in order; when it says stop, the tasks not yet taken are cancelled.
 */
final class SweepBatches {
    /** Batches per worker, at least: enough for the workers to stay busy when one batch runs long. */
    private static final int BATCHES_PER_THREAD = 16;
    /** Failed servers per batch, at least: a batch's hand-over costs about as much as a few rows. */
    private static final int MIN_BATCH_COST = 64;
    /** Shares of one big scenario per worker, at most. */
    private static final int SHARES_PER_THREAD = 4;

    /**
     * One task for a worker: the rows of {@code scenarios}, or (when {@code shares} is positive) share {@code share}
     * of the cluster runs of {@code big}; {@code big}'s own row is a task of one scenario that names it too.
     */
    record Task(List<FailureScenario> scenarios, Big big, int share, int shares) {
        static Task rows(List<FailureScenario> scenarios) {
            return new Task(scenarios, null, 0, 0);
        }
    }

    /** A scenario split into shares: what it fails and touches, worked out by the first of its tasks to run. */
    static final class Big {
        private final FailureScenario scenario;
        private SweepEvaluator.Resolved resolved;

        Big(FailureScenario scenario) {
            this.scenario = scenario;
        }

        FailureScenario scenario() {
            return scenario;
        }

        /** Taken a few times per big scenario, never per row: a lock is no cost here. */
        synchronized SweepEvaluator.Resolved resolved(SweepEvaluator evaluator) {
            if (resolved == null) {
                resolved = evaluator.resolve(scenario);
            }
            return resolved;
        }

        /** After its row: the failures of a whole region need not stay alive. */
        synchronized void release() {
            resolved = null;
        }
    }

    private SweepBatches() {}

    /**
     * The rows of the scenarios, in order; a stopped sweep returns the rows up to and including the one the
     * progress said stop after.
     */
    static List<SweepRow> rows(SweepEvaluator evaluator, List<FailureScenario> scenarios, Sweep.Progress progress,
                               int threads) {
        List<Task> tasks = tasks(evaluator.index(), scenarios, threads, evaluator.shared());
        List<SweepRow> rows = new ArrayList<>(scenarios.size());
        try (ReadAhead<Task, List<SweepRow>> ahead = new ReadAhead<>(tasks, t -> run(evaluator, t), threads)) {
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

    private static List<SweepRow> run(SweepEvaluator evaluator, Task task) {
        if (task.shares() > 0) {
            evaluator.prepare(task.big().resolved(evaluator), task.share(), task.shares());
            return List.of();
        }
        if (task.big() != null) {
            SweepRow row = evaluator.row(task.big().resolved(evaluator));
            task.big().release();
            return List.of(row);
        }
        List<SweepRow> out = new ArrayList<>(task.scenarios().size());
        for (FailureScenario s : task.scenarios()) {
            out.add(evaluator.row(s));
        }
        return out;
    }

    /**
     * Consecutive scenarios, cut where a batch's failed servers reach the target cost; with {@code split}, a
     * scenario that alone costs more than twice the target gets its shares first, in a batch of its own.
     * Every scenario is in exactly one batch of rows, in order.
     */
    static List<Task> tasks(SimulationIndex index, List<FailureScenario> scenarios, int threads, boolean split) {
        if (threads <= 1) {
            return scenarios.isEmpty() ? List.of() : List.of(Task.rows(scenarios));
        }
        long[] costs = new long[scenarios.size()];
        long total = 0;
        for (int i = 0; i < costs.length; i++) {
            costs[i] = cost(index, scenarios.get(i));
            total += costs[i];
        }
        long target = Math.max(MIN_BATCH_COST, total / ((long) threads * BATCHES_PER_THREAD));
        List<Task> out = new ArrayList<>();
        int from = 0;
        long cost = 0;
        for (int i = 0; i < costs.length; i++) {
            if (split && costs[i] > 2 * target) {
                if (from < i) {
                    out.add(Task.rows(scenarios.subList(from, i)));
                }
                int shares = (int) Math.min((long) threads * SHARES_PER_THREAD, (costs[i] + target - 1) / target);
                Big big = new Big(scenarios.get(i));
                for (int s = 0; s < shares; s++) {
                    out.add(new Task(List.of(), big, s, shares));
                }
                out.add(new Task(scenarios.subList(i, i + 1), big, 0, 0));
                from = i + 1;
                cost = 0;
                continue;
            }
            cost += costs[i];
            if (cost >= target) {
                out.add(Task.rows(scenarios.subList(from, i + 1)));
                from = i + 1;
                cost = 0;
            }
        }
        if (from < costs.length) {
            out.add(Task.rows(scenarios.subList(from, costs.length)));
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
