package dev.failscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.layout.Box;
import dev.failscope.model.Node;
import dev.failscope.scene.Group;
import dev.failscope.scene.Item;
import dev.failscope.scene.Layer;
import dev.failscope.scene.Scene;
import dev.failscope.scene.Tags;
import dev.failscope.ui.graph.Palette;
import dev.failscope.ui.viewmodel.SimulationViewModel;
import dev.failscope.ui.viewmodel.Viewport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drawing defects of issue 14 on the real application, drawn through the scene. */
class SceneDefectsAppTest extends AppTestBase {
    @TempDir
    Path dir;

    @Test
    void findingBadgesShowAtNamesOnlyZoomToo() throws Exception {
        Node legacy = Node.server("db-legacy-2");
        WritableImage img = lookAt(legacy, 0.3);
        Box b = box(legacy);
        // at 0.3 the badge keeps its 18 px: about 60 layout units, straddling the top-right corner
        assertThat(pixelsIn(img, Palette.LIGHT.danger(), b.maxX() - 40, b.y() - 25, 60, 35))
                .as("red of the ✖ finding badge on db-legacy-2 at names-only zoom").isGreaterThan(60);
    }

    @Test
    void aFailedServersTagCoversNoOtherLabel() throws Exception {
        Path copy = dir.resolve("catifyme");
        Files.createDirectories(copy);
        try (var files = Files.list(Path.of("sample-topologies/catifyme"))) {
            for (Path f : files.toList()) {
                String text = Files.readString(f);
                if (f.getFileName().toString().equals("inventory.yaml")) {
                    // the primary also carries both status tags, on the line the FAILED tag goes to
                    text = text.replaceFirst("    status: active\n", "    status: maintenance\n    no-failover: true\n");
                }
                Files.writeString(copy.resolve(f.getFileName()), text);
            }
        }
        open(copy.toString());
        SimulationViewModel sim = app.view().simulation();
        robot.interact(() -> sim.simulateLoss("db-main-1"));
        waitFor(() -> sim.activeProperty().get() && !sim.events().isEmpty());
        robot.interact(sim::toEnd);
        lookAt(Node.server("db-main-1"), 1.0);
        Scene scene = graph().lastScene().orElseThrow();
        assertThat(scene.texts("db-main-1")).contains(Tags.FAILED, Tags.MAINT, Tags.NO_FAILOVER);
        List<String> clashes = new ArrayList<>();
        List<Group> groups = scene.groups().stream().filter(g -> g.layer() != Layer.SELECTION).toList();
        for (int i = 0; i < groups.size(); i++) {
            for (int j = i + 1; j < groups.size(); j++) {
                Group a = groups.get(i);
                Group c = groups.get(j);
                if (a.name().equals(c.name()) && (a.layer() == Layer.STATES || c.layer() == Layer.STATES)) {
                    continue; // a state group repaints its own element's second line over a plate
                }
                for (Item x : a.items()) {
                    for (Item y : c.items()) {
                        if (x instanceof Item.Text t && y instanceof Item.Text u && t.bounds().grow(-1)
                                .overlaps(u.bounds().grow(-1))) {
                            clashes.add(t.text() + " / " + u.text());
                        }
                    }
                }
            }
        }
        assertThat(clashes).isEmpty();
        // and on the canvas: the tags sit side by side on the second line, the FAILED pill's red is there
        Box b = box(Node.server("db-main-1"));
        assertThat(pixelsIn(snapshot(), Palette.LIGHT.danger(), b.x(), b.y() + 28, b.width(), 16)).isGreaterThan(80);
    }

    @Test
    void differentServersReadDifferentlyAtFit() throws Exception {
        Files.writeString(dir.resolve("inventory.yaml"), """
                kind: inventory
                servers:
                  - {name: mysql-accounts-main, region: r, zone: z, status: active}
                  - {name: mysql-accounts-eu-replica, region: r, zone: z, status: active}
                  - {name: mysql-accounts-us-replica, region: r, zone: z, status: active}
                """);
        Files.writeString(dir.resolve("clusters.yaml"), """
                kind: cluster
                name: accounts
                engine: mysql
                primary: mysql-accounts-main
                replicas:
                  - {server: mysql-accounts-eu-replica, mode: async}
                  - {server: mysql-accounts-us-replica, mode: async}
                """);
        open(dir.toString());
        Node eu = Node.server("mysql-accounts-eu-replica");
        Node us = Node.server("mysql-accounts-us-replica");
        Box a = box(eu);
        Box c = box(us);
        double w = graph().canvas().getWidth();
        double h = graph().canvas().getHeight();
        assertThat(a.y()).isEqualTo(c.y());
        // names only, as at Fit on a larger topology; both boxes on whole pixels, so equal names give equal pixels
        double d = Math.abs(c.x() - a.x());
        double scale = Math.round(0.3 * d) / d;
        Box both = a.union(c);
        double tx = Math.round(w / 2 - both.centerX() * scale + a.x() * scale) - a.x() * scale;
        double ty = Math.round(h / 2 - both.centerY() * scale + a.y() * scale) - a.y() * scale;
        robot.interact(() -> graph().setViewport(new Viewport(scale, tx, ty)));
        robot.interact(() -> graph().paintNow());
        WritableImage img = snapshot();
        // the middle of each box, where the name is (edges arrive at the borders)
        assertThat(pixels(img, inner(a))).as("the two replicas' names must not look the same")
                .isNotEqualTo(pixels(img, inner(c)));
    }

    private static Box inner(Box b) {
        return new Box(b.x() + b.width() * 0.08, b.y() + b.height() * 0.25, b.width() * 0.84, b.height() * 0.5);
    }

    @Test
    void aCollapsedClusterAndAForcedOverviewReachTheCanvas() throws Exception {
        Node main = Node.server("db-main-1");
        robot.interact(() -> graph().setCollapsed(Set.of(dev.failscope.scene.Collapse.cluster("catify-main"))));
        lookAt(main, 1.0);
        Scene collapsed = graph().lastScene().orElseThrow();
        assertThat(collapsed.about("db-main-1")).isEmpty();
        assertThat(collapsed.texts("catify-main")).anyMatch(t -> t.contains("2 servers (collapsed)"));
        robot.interact(() -> {
            graph().setCollapsed(Set.of());
            graph().setDetail(dev.failscope.scene.Detail.OVERVIEW);
        });
        lookAt(main, 1.0);
        Scene overview = graph().lastScene().orElseThrow();
        assertThat(overview.detail()).isEqualTo(dev.failscope.scene.Detail.OVERVIEW);
        assertThat(overview.about("db-replica-1")).isEmpty();
        assertThat(overview.about("catify-main")).isNotEmpty();
    }

    private int[] pixels(WritableImage img, Box world) {
        Viewport v = graph().viewport();
        int x0 = (int) Math.round(v.toScreenX(world.x()));
        int y0 = (int) Math.round(v.toScreenY(world.y()));
        int cw = (int) Math.floor(world.width() * v.scale());
        int ch = (int) Math.floor(world.height() * v.scale());
        int[] out = new int[cw * ch];
        var r = img.getPixelReader();
        for (int y = 0; y < ch; y++) {
            for (int x = 0; x < cw; x++) {
                out[y * cw + x] = r.getArgb(x0 + x, y0 + y);
            }
        }
        return out;
    }
}
