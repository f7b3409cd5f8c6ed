package dev.failscope.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.layout.Fleets;
import dev.failscope.layout.Point;
import dev.failscope.model.Finding;
import dev.failscope.model.Severity;
import dev.failscope.model.SourcePosition;
import dev.failscope.report.render.StateOverlay.ClusterOutcome;
import dev.failscope.report.render.StateOverlay.ClusterState;
import dev.failscope.report.render.StateOverlay.ServerState;
import dev.failscope.report.render.StateOverlay.ServiceState;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class ImageExportTest {
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    Path dir;

    private static RenderInput catifyme() {
        Finding f = new Finding("failover-target-decommissioned", Severity.ERROR, "decommissioned", "catify-main",
                "db-legacy-2", new SourcePosition("failover.yaml", 8, 5));
        return RenderInput.of(Fleets.catifyme()).withFindings(List.of(f)).withTitle("CatifyMe");
    }

    @Test
    void pngIsAValidPngOfTheExpectedSize() throws Exception {
        RenderInput input = catifyme();
        Path file = dir.resolve("g.png");
        ImageExport.writePng(input, 1.5, file);
        byte[] bytes = Files.readAllBytes(file);
        assertThat(Arrays.copyOf(bytes, 8)).isEqualTo(PNG_MAGIC);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes));
        Point page = new Java2dSceneWriter(input).pageSize();
        assertThat(img.getWidth()).isEqualTo((int) Math.ceil(page.x() * 1.5));
        assertThat(img.getHeight()).isEqualTo((int) Math.ceil(page.y() * 1.5));
        assertThat(ImageExport.pixelSize(input, 1.5).width()).isEqualTo(img.getWidth());
    }

    @Test
    void pngShowsTheRedDanglingAndDecommissionedMarks() {
        RenderInput input = catifyme();
        BufferedImage img = ImageExport.image(input, 1);
        long red = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int gr = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (r > 180 && gr < 80 && b < 80) {
                    red++;
                }
            }
        }
        assertThat(red).isGreaterThan(50);
    }

    @Test
    void svgParsesAsXmlAndNamesTheElements() throws Exception {
        RenderInput input = catifyme().withOverlay(new StateOverlay(Map.of("db-main-1", ServerState.FAILED),
                Map.of("catify-main", new ClusterOutcome(ClusterState.DOWN, null, false)),
                Map.of("cat-posting", ServiceState.DOWN, "cat-liking", ServiceState.DEGRADED)));
        Path file = dir.resolve("g.svg");
        ImageExport.writeSvg(input, file);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = factory.newDocumentBuilder().parse(file.toFile());
        assertThat(doc.getDocumentElement().getLocalName() == null ? doc.getDocumentElement().getTagName()
                : doc.getDocumentElement().getLocalName()).isEqualTo("svg");
        String text = Files.readString(file);
        assertThat(text).contains("db-legacy-2", "decommissioned", "catify-main", "NO PRIMARY", "Legend");
    }

    @Test
    void ghostIsLabelledMissingInSvg() {
        var t = dev.failscope.model.Topology.builder()
                .server(Fleets.server("a", "r", "z", dev.failscope.model.ServerStatus.ACTIVE))
                .cluster(Fleets.cluster("main", "a"))
                .policy(Fleets.policy("main", "db-gone-7"))
                .build();
        assertThat(ImageExport.svg(RenderInput.of(t))).contains("missing: db-gone-7");
    }

    @Test
    void hugeGraphsAreScaledUnderThePixelCap() {
        RenderInput input = RenderInput.of(Fleets.fleet(1500, 2));
        ImageExport.PixelSize size = ImageExport.pixelSize(input, 1);
        assertThat((long) size.width() * size.height()).isLessThanOrEqualTo(ImageExport.MAX_PIXELS + 2L * 20000);
        assertThat(size.scale()).isLessThan(1);
    }

    @Test
    void samePicturesForTheSameInput() {
        assertThat(ImageExport.svg(catifyme())).isEqualTo(ImageExport.svg(catifyme()));
    }
}
