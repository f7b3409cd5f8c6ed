package dev.failscope.layout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.model.Node;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SpatialQueryTest {
    private static final Layout LAYOUT = TopologyLayout.layout(Fleets.fleet(300, 2));

    @Test
    void nodesInMatchesALinearScanForRandomViewports() {
        Random random = new Random(42);
        Box b = LAYOUT.bounds();
        for (int i = 0; i < 300; i++) {
            double w = random.nextDouble() * b.width() / 4;
            double h = random.nextDouble() * b.height() / 4;
            double x = b.x() - 200 + random.nextDouble() * (b.width() + 400);
            double y = b.y() - 200 + random.nextDouble() * (b.height() + 400);
            List<NodeBox> expected = LAYOUT.nodes().stream().filter(n -> n.box().intersects(x, y, w, h)).toList();
            assertThat(LAYOUT.nodesIn(x, y, w, h)).isEqualTo(expected);
            List<EdgeRoute> edges = LAYOUT.edges().stream().filter(e -> segmentMeets(e, x, y, w, h)).toList();
            assertThat(LAYOUT.edgesIn(x, y, w, h)).isEqualTo(edges);
        }
    }

    private static boolean segmentMeets(EdgeRoute e, double x, double y, double w, double h) {
        for (int i = 1; i < e.points().size(); i++) {
            Point a = e.points().get(i - 1);
            Point b = e.points().get(i);
            if (Math.min(a.x(), b.x()) <= x + w && Math.max(a.x(), b.x()) >= x
                    && Math.min(a.y(), b.y()) <= y + h && Math.max(a.y(), b.y()) >= y) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aLongRouteIsNotReturnedForAViewportItOnlySpansDiagonally() {
        Layout layout = TopologyLayout.layout(Fleets.fleet(300, 2));
        EdgeRoute longest = layout.edges().stream()
                .filter(e -> e.points().size() >= 4)
                .max(java.util.Comparator.comparingDouble(e -> e.bounds().width() * e.bounds().height()))
                .orElseThrow();
        Box b = longest.bounds();
        double cx = b.centerX();
        double cy = b.centerY();
        boolean onRoute = segmentMeets(longest, cx - 1, cy - 1, 2, 2);
        assertThat(layout.edgesIn(cx - 1, cy - 1, 2, 2).contains(longest)).isEqualTo(onRoute);
    }

    @Test
    void wholeBoundsReturnsEverythingAndOutsideReturnsNothing() {
        Box b = LAYOUT.bounds();
        assertThat(LAYOUT.nodesIn(b.x(), b.y(), b.width(), b.height())).isEqualTo(LAYOUT.nodes());
        assertThat(LAYOUT.nodesIn(b.maxX() + 10, b.maxY() + 10, 100, 100)).isEmpty();
        assertThat(LAYOUT.nodesIn(-500, -500, 100, 100)).isEmpty();
    }

    @Test
    void nodeAtFindsTheServerInsideItsClusterAndTheClusterOnItsTitle() {
        NodeBox server = LAYOUT.box(Node.server("c00001-r1")).orElseThrow();
        assertThat(LAYOUT.nodeAt(server.box().centerX(), server.box().centerY())).contains(server);
        NodeBox cluster = LAYOUT.box(Node.cluster("c00001")).orElseThrow();
        assertThat(LAYOUT.nodeAt(cluster.box().x() + 4, cluster.box().y() + 4)).contains(cluster);
        assertThat(LAYOUT.nodeAt(-1, -1)).isEmpty();
    }

    @Test
    void laneAtFindsTheServersLane() {
        NodeBox server = LAYOUT.box(Node.server("c00002-p")).orElseThrow();
        assertThat(LAYOUT.laneAt(server.box().centerX(), server.box().centerY()))
                .contains(LAYOUT.lanes().get(server.lane()));
    }
}
