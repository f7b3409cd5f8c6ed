package dev.failscope.ui.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.analysis.Inspection;
import dev.failscope.analysis.Inspector;
import dev.failscope.report.render.ImageExport;
import dev.failscope.report.render.RenderInput;
import dev.failscope.report.render.StateOverlay;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExporterTest {
    private final Inspection catifyme = new Inspector().inspect(List.of(MainViewModelTest.CATIFYME));
    private final GraphScene scene = GraphSceneBuilder.build(catifyme.topology(), catifyme.findings());

    @Test
    void pngHasTheRendererSize(@TempDir Path tmp) throws Exception {
        RenderInput input = Exporter.input(scene, catifyme.findings(), GraphOverlay.NONE, "catifyme");
        Path png = tmp.resolve("g.png");
        Exporter.write(input, png);
        BufferedImage img = ImageIO.read(png.toFile());
        ImageExport.PixelSize expected = ImageExport.pixelSize(input, Exporter.PNG_SCALE);
        assertThat(img.getWidth()).isEqualTo(expected.width()).isGreaterThan(300);
        assertThat(img.getHeight()).isEqualTo(expected.height()).isGreaterThan(200);
    }

    @Test
    void svgParses(@TempDir Path tmp) throws Exception {
        Path svg = tmp.resolve("g.svg");
        Exporter.write(Exporter.input(scene, catifyme.findings(), GraphOverlay.NONE, ""), svg);
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        assertThat(doc.getDocumentElement().getNodeName()).isEqualTo("svg");
    }

    @Test
    void theStepOverlayMapsOntoTheRenderersState() {
        GraphOverlay step = new GraphOverlay(Set.of("db-main-1"), null, Map.of(), Set.of(), Set.of("catify-main"),
                Map.of("cat-liking", GraphOverlay.ServiceHealth.DOWN), Map.of());
        StateOverlay s = Exporter.state(scene, step);
        assertThat(s.failed("db-main-1")).isTrue();
        assertThat(s.cluster("catify-main").orElseThrow().state()).isEqualTo(StateOverlay.ClusterState.DOWN);
        assertThat(s.services()).containsEntry("cat-liking", StateOverlay.ServiceState.DOWN);
        assertThat(Exporter.state(scene, GraphOverlay.NONE)).isEqualTo(StateOverlay.NONE);
        GraphOverlay promoted = new GraphOverlay(Set.of("db-main-1"), null, Map.of(), Set.of("db-replica-1"),
                Set.of(), Map.of(), Map.of());
        assertThat(Exporter.state(scene, promoted).cluster("catify-main").orElseThrow().primary())
                .isEqualTo("db-replica-1");
    }
}
