package dev.failscope.layout;

import dev.failscope.model.Topology;

/** Manual harness (not a test): prints layout times. Run with the test classpath. */
public final class LayoutBench {
    private LayoutBench() {}

    public static void main(String[] args) {
        int clusters = args.length > 0 ? Integer.parseInt(args[0]) : 1500;
        Topology t = Fleets.fleet(clusters, 2);
        for (int i = 0; i < Integer.getInteger("iters", 8); i++) {
            long t0 = System.nanoTime();
            Layout l = TopologyLayout.layout(t);
            long t1 = System.nanoTime();
            System.out.printf("servers=%d nodes=%d edges=%d layout=%.1f ms bounds=%.0fx%.0f lanes=%d%n",
                    t.servers().size(), l.nodes().size(), l.edges().size(), (t1 - t0) / 1e6,
                    l.bounds().width(), l.bounds().height(), l.lanes().size());
        }
    }
}
