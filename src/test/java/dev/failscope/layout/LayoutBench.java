package dev.failscope.layout;

import dev.failscope.load.TopologyLoader;
import dev.failscope.model.Topology;
import java.util.List;

/**
 * Manual harness (not a test): prints layout times. Argument: a number of synthetic clusters (2 replicas
 * each), or a path to load (e.g. a {@code failscope generate} output). {@code -Diters=N} sets the runs.
 */
public final class LayoutBench {
    private LayoutBench() {}

    public static void main(String[] args) {
        String arg = args.length > 0 ? args[0] : "1650";
        Topology t = arg.chars().allMatch(Character::isDigit) ? Fleets.fleet(Integer.parseInt(arg), 2)
                : new TopologyLoader().load(List.of(arg)).topology();
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < Integer.getInteger("iters", 8); i++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            Layout l = TopologyLayout.layout(t);
            long t1 = System.nanoTime();
            long c1 = threads.getCurrentThreadCpuTime();
            System.out.printf("servers=%d nodes=%d edges=%d wall=%.1f ms cpu=%.1f ms bounds=%.0fx%.0f lanes=%d%n",
                    t.servers().size(), l.nodes().size(), l.edges().size(), (t1 - t0) / 1e6, (c1 - c0) / 1e6,
                    l.bounds().width(), l.bounds().height(), l.lanes().size());
        }
    }
}
