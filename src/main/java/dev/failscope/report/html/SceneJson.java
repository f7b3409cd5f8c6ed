package dev.failscope.report.html;

import dev.failscope.layout.Box;
import dev.failscope.layout.Point;
import dev.failscope.report.render.Java2dPalette;
import dev.failscope.scene.Dash;
import dev.failscope.scene.Group;
import dev.failscope.scene.Item;
import dev.failscope.scene.Style;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scene groups as the page's script draws them: each item a short array in page coordinates (layout minus the
 * bounds' origin), styles by name, colours in {@link #palette()}. The script only translates them to SVG.
 * <pre>
 * ["r", x, y, w, h, corner, fill, stroke, width, dashOn, dashOff]   rectangle
 * ["c", cx, cy, r, fill, stroke, width]                              disc
 * ["p", [x, y, ...], fill, stroke, width]                            polygon
 * ["l", [x, y, ...], stroke, width, dashOn, dashOff, arrow]          polyline (arrow head size, 0: none)
 * ["t", text, x, y, align, size, bold, ink]                          text centred vertically on y
 * ["h", x, y, w, h, ink, spacing, width]                             45° hatching
 * </pre>
 */
final class SceneJson {
    private SceneJson() {}

    static List<Object> groups(List<Group> groups, Box origin) {
        List<Object> out = new ArrayList<>(groups.size());
        for (Group g : groups) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", g.name());
            m.put("state", g.mark());
            m.put("kind", g.kind());
            List<Object> items = new ArrayList<>(g.items().size());
            for (Item i : g.items()) {
                items.add(item(i, origin.x(), origin.y()));
            }
            m.put("items", items);
            out.add(m);
        }
        return out;
    }

    /** Style name to CSS colour, for every style the scene uses. */
    static Map<String, String> palette() {
        Map<String, String> m = new LinkedHashMap<>();
        for (Style s : Style.values()) {
            m.put(name(s), Java2dPalette.css(s));
        }
        return m;
    }

    private static String name(Style s) {
        return s.name().toLowerCase(Locale.ROOT);
    }

    private static double r(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static List<Object> item(Item item, double ox, double oy) {
        List<Object> a = new ArrayList<>();
        if (item instanceof Item.Rect x) {
            Box b = x.box();
            a.addAll(List.of("r", r(b.x() - ox), r(b.y() - oy), r(b.width()), r(b.height()), r(x.corner()),
                    name(x.fill()), name(x.stroke()), r(x.width())));
            dash(a, x.dash());
        } else if (item instanceof Item.Disc x) {
            a.addAll(List.of("c", r(x.cx() - ox), r(x.cy() - oy), r(x.r()), name(x.fill()), name(x.stroke()),
                    r(x.width())));
        } else if (item instanceof Item.Poly x) {
            a.addAll(List.of("p", points(x.points(), ox, oy), name(x.fill()), name(x.stroke()), r(x.width())));
        } else if (item instanceof Item.Line x) {
            a.addAll(List.of("l", points(x.points(), ox, oy), name(x.stroke()), r(x.width())));
            dash(a, x.dash());
            a.add(r(x.arrow()));
        } else if (item instanceof Item.Text x) {
            String align = switch (x.align()) {
                case LEFT -> "start";
                case CENTER -> "middle";
                case RIGHT -> "end";
            };
            a.addAll(List.of("t", x.text(), r(x.x() - ox), r(x.y() - oy), align, r(x.size()), x.bold() ? 1 : 0,
                    name(x.ink())));
        } else if (item instanceof Item.Hatch x) {
            Box b = x.box();
            a.addAll(List.of("h", r(b.x() - ox), r(b.y() - oy), r(b.width()), r(b.height()), name(x.ink()),
                    r(x.spacing()), r(x.width())));
        }
        return a;
    }

    private static void dash(List<Object> a, Dash d) {
        a.add(r(d.on()));
        a.add(r(d.off()));
    }

    private static List<Double> points(List<Point> pts, double ox, double oy) {
        List<Double> out = new ArrayList<>(pts.size() * 2);
        for (Point p : pts) {
            out.add(r(p.x() - ox));
            out.add(r(p.y() - oy));
        }
        return out;
    }
}
