package dev.failscope.layout;

import static dev.failscope.layout.LayoutMetrics.BAND_PAD;
import static dev.failscope.layout.LayoutMetrics.SERVICE_GAP;
import static dev.failscope.layout.LayoutMetrics.SERVICE_H;
import static dev.failscope.layout.LayoutMetrics.SERVICE_W;

import dev.failscope.model.Edge;
import dev.failscope.model.Node;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jgrapht.Graph;

/**
 * The services row(s) above the lanes. Services are ordered by the mean x of what they depend on (so their
 * edges drop roughly straight down), then by name, and wrapped into centred rows.
 */
record ServiceBand(int count, int perRow, double width, double height) {
    private static final double STEP = SERVICE_W + SERVICE_GAP;

    static ServiceBand of(int count, double lanesWidth) {
        if (count == 0) {
            return new ServiceBand(0, 1, 0, 0);
        }
        int fit = (int) Math.floor((lanesWidth - 2 * BAND_PAD + SERVICE_GAP) / STEP);
        int perRow = Math.min(count, Math.max(fit, Math.max(4, (int) Math.ceil(Math.sqrt(count)))));
        int rows = (count + perRow - 1) / perRow;
        double width = 2 * BAND_PAD + perRow * STEP - SERVICE_GAP;
        double height = 2 * BAND_PAD + rows * (SERVICE_H + SERVICE_GAP) - SERVICE_GAP;
        return new ServiceBand(count, perRow, width, height);
    }

    List<NodeBox> place(List<Node> services, Graph<Node, Edge> graph, Map<Node, NodeBox> placed, double total) {
        Map<Node, Double> meanX = new HashMap<>();
        for (Node s : services) {
            double sum = 0;
            int n = 0;
            for (Edge e : graph.outgoingEdgesOf(s)) {
                NodeBox t = placed.get(e.to());
                if (t != null) {
                    sum += t.box().centerX();
                    n++;
                }
            }
            meanX.put(s, n == 0 ? Double.MAX_VALUE : sum / n);
        }
        List<Node> order = new ArrayList<>(services);
        order.sort(Comparator.comparingDouble((Node s) -> meanX.get(s)).thenComparing(Node::name));
        List<NodeBox> out = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            int row = i / perRow;
            int inRow = Math.min(perRow, order.size() - row * perRow);
            double left = (total - (inRow * STEP - SERVICE_GAP)) / 2;
            Box box = new Box(left + (i % perRow) * STEP, BAND_PAD + row * (SERVICE_H + SERVICE_GAP),
                    SERVICE_W, SERVICE_H);
            out.add(new NodeBox(order.get(i), box, NodeRole.SERVICE, null, 0, -1));
        }
        return out;
    }
}
