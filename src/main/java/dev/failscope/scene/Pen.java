package dev.failscope.scene;

import dev.failscope.layout.Box;
import dev.failscope.layout.Point;
import dev.failscope.report.Escaping;
import java.util.ArrayList;
import java.util.List;

/** Collects the items of one group; sizes given in screen pixels become layout units through the view's scale. */
final class Pen {
    static final double NAME = 13;
    static final double SMALL = 11;
    static final double PILL_H = 16;

    private final SceneView view;
    final List<Item> items = new ArrayList<>();

    Pen(SceneView view) {
        this.view = view;
    }

    double px(double pixels) {
        return view.px(pixels);
    }

    Pen rect(Box b, double corner, Style fill, Style stroke, double widthPx) {
        items.add(new Item.Rect(b, corner, fill, stroke, px(widthPx), Dash.SOLID));
        return this;
    }

    Pen dashed(Box b, double corner, Style stroke, double widthPx, double onPx, double offPx) {
        items.add(new Item.Rect(b, corner, Style.NONE, stroke, px(widthPx), new Dash(px(onPx), px(offPx))));
        return this;
    }

    Pen line(List<Point> pts, Style stroke, double widthPx, Dash dash, double arrow) {
        items.add(new Item.Line(pts, stroke, px(widthPx), dash, arrow));
        return this;
    }

    Pen line(double x1, double y1, double x2, double y2, Style stroke, double widthPx) {
        return line(List.of(new Point(x1, y1), new Point(x2, y2)), stroke, widthPx, Dash.SOLID, 0);
    }

    Dash dash(double onPx, double offPx) {
        return new Dash(px(onPx), px(offPx));
    }

    /** Text as given (escaped), its width estimated. */
    Item.Text text(String raw, double x, double y, Align align, double size, boolean bold, Style ink) {
        String t = Escaping.visible(raw);
        Item.Text item = new Item.Text(t, x, y, align, size, bold, ink, TextFit.width(t, size, bold));
        items.add(item);
        return item;
    }

    /** Width of a pill holding {@code text} in small bold type. */
    static double pillWidth(String text) {
        return TextFit.width(text, SMALL, true) + 10;
    }

    /** A rounded tag, its left edge at x and centre at cy; returns its width. */
    double pill(String text, double x, double cy, Style fill, Style ink) {
        double w = pillWidth(text);
        items.add(new Item.Rect(new Box(x, cy - PILL_H / 2, w, PILL_H), PILL_H, fill, Style.NONE, 0, Dash.SOLID));
        text(text, x + w / 2, cy, Align.CENTER, SMALL, true, ink);
        return w;
    }

    Group group(Layer layer, String element, String kind, String name, String mark) {
        return new Group(layer, element, kind, name, mark, items);
    }
}
