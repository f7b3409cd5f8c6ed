package dev.failscope.report.frames;

import dev.failscope.model.Finding;
import dev.failscope.model.Topology;
import dev.failscope.report.render.ImageExport;
import dev.failscope.report.render.RenderInput;
import dev.failscope.simulation.script.Slide;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The frames of an exported scenario run: one picture per slide (a scripted scenario's narration, questions
 * and events, or a simulation's events), each the graph as {@code failscope render} draws it at that point of
 * the timeline, with a caption band under it carrying the step ("step 3 / 9"), the clock ("08:00 + 30s",
 * "t+30s") and the slide's words. All frames have one size (the largest), so they animate in place. The same
 * input gives the same pixels.
 */
public final class ScenarioFrames {
    /** Widest frame, in pixels: a slide, not a poster. */
    public static final int MAX_WIDTH = 1600;
    static final int CAPTION_FONT = 22;
    static final int PAD = 16;

    private ScenarioFrames() {}

    /**
     * A rendered frame.
     *
     * @param slide   what it shows
     * @param caption the caption drawn on it, as text (tests and the PNG sequence's captions.txt)
     * @param image   the pixels
     * @param delayMs how long an animation shows it
     */
    public record Frame(Slide slide, String caption, BufferedImage image, int delayMs) {}

    /** Renders every slide over the topology (with its findings' badges) under the heading. */
    public static List<Frame> render(Topology topology, List<Finding> findings, List<Slide> slides, String heading) {
        RenderInput base = RenderInput.of(topology).withFindings(findings).withTitle(heading);
        double scale = Math.min(1.0, MAX_WIDTH / (double) ImageExport.pixelSize(base, 1.0).width());
        List<BufferedImage> graphs = new ArrayList<>();
        int w = 0;
        int h = 0;
        for (Slide s : slides) {
            BufferedImage g = ImageExport.image(base.withOverlay(StepState.at(topology, s.events(), s.applied())),
                    scale);
            graphs.add(g);
            w = Math.max(w, g.getWidth());
            h = Math.max(h, g.getHeight());
        }
        Font font = new Font(Font.SANS_SERIF, Font.BOLD, CAPTION_FONT);
        List<Frame> out = new ArrayList<>();
        int captionHeight = 0;
        List<List<String>> wrapped = new ArrayList<>();
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D pg = probe.createGraphics();
        FontMetrics fm = pg.getFontMetrics(font);
        for (int i = 0; i < slides.size(); i++) {
            List<String> lines = wrap(printable(font, text(slides.get(i), i, slides.size())), fm, w - 2 * PAD);
            wrapped.add(lines);
            captionHeight = Math.max(captionHeight, lines.size() * fm.getHeight() + 2 * PAD);
        }
        pg.dispose();
        for (int i = 0; i < slides.size(); i++) {
            Slide s = slides.get(i);
            BufferedImage img = new BufferedImage(w, h + captionHeight, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            try {
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, w, h + captionHeight);
                g.drawImage(graphs.get(i), 0, 0, null);
                boolean question = s.kind() == Slide.Kind.QUESTION;
                g.setColor(question ? new Color(0x9a6700) : new Color(0x24292f));
                g.fillRect(0, h, w, captionHeight);
                g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
                g.setFont(font);
                g.setColor(Color.WHITE);
                int y = h + PAD + fm.getAscent();
                for (String line : wrapped.get(i)) {
                    g.drawString(line, PAD, y);
                    y += fm.getHeight();
                }
            } finally {
                g.dispose();
            }
            out.add(new Frame(s, text(s, i, slides.size()), img, delay(s)));
        }
        return List.copyOf(out);
    }

    /** {@code step 3 / 9 · 08:00 + 30s · ⟳ attempt on db-legacy-2 …}; a question is marked as one. */
    static String text(Slide s, int index, int total) {
        StringBuilder b = new StringBuilder("step ").append(index + 1).append(" / ").append(total);
        if (!s.time().isEmpty()) {
            b.append(" · ").append(s.time());
        }
        b.append(" · ");
        if (s.kind() == Slide.Kind.QUESTION) {
            b.append("Question: ");
        }
        return b.append(s.caption().replace('\n', ' ')).toString();
    }

    /** How long a frame stays: long enough to read its caption. */
    static int delay(Slide s) {
        return switch (s.kind()) {
            case TITLE -> 2500;
            case NARRATION -> 4000;
            case QUESTION -> 5000;
            case EVENT -> 2000;
        };
    }

    /** The caption with signs the font lacks replaced by ASCII ones, so no frame shows empty boxes. */
    static String printable(Font font, String text) {
        StringBuilder b = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (font.canDisplay(cp)) {
                b.appendCodePoint(cp);
            } else {
                b.append(switch (cp) {
                    case '✖' -> "x";
                    case '⚑' -> "!";
                    case '⟳' -> "~";
                    case '◷' -> "(timeout)";
                    case '♛' -> "^";
                    case '↪' -> "->";
                    case '▲' -> "!";
                    case '✔' -> "ok";
                    case '·' -> "-";
                    case '→' -> "->";
                    default -> "?";
                });
            }
        });
        return b.toString();
    }

    static List<String> wrap(String text, FontMetrics fm, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String next = line.length() == 0 ? word : line + " " + word;
            if (fm.stringWidth(next) > width && line.length() > 0) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(next);
            }
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** {@code frame-007.png}. */
    public static String fileName(int index) {
        return String.format(Locale.ROOT, "frame-%03d.png", index + 1);
    }
}
