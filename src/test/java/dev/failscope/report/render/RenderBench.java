package dev.failscope.report.render;

import dev.failscope.layout.Fleets;
import java.nio.file.Path;

/** Manual harness (not a test): renders a synthetic fleet and prints the time. Args: clusters, output. */
public final class RenderBench {
    private RenderBench() {}

    public static void main(String[] args) throws Exception {
        int clusters = args.length > 0 ? Integer.parseInt(args[0]) : 1620;
        Path out = Path.of(args.length > 1 ? args[1] : "fleet.png");
        RenderInput input = RenderInput.of(Fleets.fleet(clusters, 2)).withTitle("synthetic fleet, " + clusters
                + " clusters");
        long t0 = System.nanoTime();
        if (out.toString().endsWith(".svg")) {
            ImageExport.writeSvg(input, out);
        } else {
            ImageExport.writePng(input, 1, out);
        }
        System.out.printf("wrote %s in %.0f ms (%s)%n", out, (System.nanoTime() - t0) / 1e6,
                ImageExport.pixelSize(input, 1));
    }
}
