package dev.failscope.ui.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.failscope.layout.Box;
import org.junit.jupiter.api.Test;

class ViewportTest {
    @Test
    void fitCentresTheContentAndNeverMagnifies() {
        Viewport v = Viewport.fit(new Box(0, 0, 2000, 1000), 1000, 600, 0);
        assertThat(v.scale()).isEqualTo(0.5);
        assertThat(v.toScreenX(1000)).isCloseTo(500, within(1e-9));
        assertThat(v.toScreenY(500)).isCloseTo(300, within(1e-9));
        assertThat(Viewport.fit(new Box(0, 0, 10, 10), 1000, 600, 0).scale()).isEqualTo(Viewport.MAX_FIT);
    }

    @Test
    void zoomKeepsThePointUnderTheCursor() {
        Viewport v = new Viewport(0.5, 10, 20).zoomAt(2, 300, 200);
        assertThat(v.scale()).isEqualTo(1.0);
        Viewport before = new Viewport(0.5, 10, 20);
        assertThat(v.toWorldX(300)).isCloseTo(before.toWorldX(300), within(1e-9));
        assertThat(v.toWorldY(200)).isCloseTo(before.toWorldY(200), within(1e-9));
    }

    @Test
    void zoomIsClamped() {
        assertThat(new Viewport(1, 0, 0).zoomAt(1000, 0, 0).scale()).isEqualTo(Viewport.MAX_SCALE);
        assertThat(new Viewport(1, 0, 0).zoomAt(1e-6, 0, 0).scale()).isEqualTo(Viewport.MIN_SCALE);
    }

    @Test
    void panAndCentre() {
        Viewport v = new Viewport(1, 0, 0).panBy(5, -5);
        assertThat(v.tx()).isEqualTo(5);
        assertThat(v.ty()).isEqualTo(-5);
        Viewport c = new Viewport(0.2, 0, 0).centreOn(100, 50, 800, 600, 0.6);
        assertThat(c.scale()).isEqualTo(0.6);
        assertThat(c.toScreenX(100)).isCloseTo(400, within(1e-9));
        assertThat(c.toScreenY(50)).isCloseTo(300, within(1e-9));
        Box vis = c.visible(800, 600);
        assertThat(vis.contains(100, 50)).isTrue();
    }
}
