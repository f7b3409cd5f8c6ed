package dev.failscope.load.importers;

import dev.failscope.load.tree.PMap;
import dev.failscope.load.tree.PNode;
import dev.failscope.load.tree.PScalar;
import dev.failscope.load.tree.PSeq;
import dev.failscope.model.Durations;
import dev.failscope.model.SourcePosition;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Lenient, positioned access to vendor documents: paths through maps, and values read the way the vendor's own
 * tool reads them ({@code "true"} and {@code true} alike). A value of the wrong type becomes a load error.
 */
final class Tree {
    private final ImportContext ctx;
    private final String format;

    /**
     * @param format how the format is named in messages, e.g. "Patroni"
     */
    Tree(ImportContext ctx, String format) {
        this.ctx = ctx;
        this.format = format;
    }

    static Optional<PNode> at(PNode root, String... path) {
        PNode n = root;
        for (String key : path) {
            if (!(n instanceof PMap m)) {
                return Optional.empty();
            }
            n = m.value(key);
            if (n == null) {
                return Optional.empty();
            }
        }
        return Optional.of(n);
    }

    static Optional<PMap> map(PNode root, String... path) {
        return at(root, path).filter(PMap.class::isInstance).map(PMap.class::cast);
    }

    static List<PNode> list(PNode root, String... path) {
        return at(root, path).filter(PSeq.class::isInstance).map(n -> ((PSeq) n).items()).orElse(List.of());
    }

    /** A non-null, non-blank scalar. */
    /** A non-blank scalar at the path. Asked of every document by the importers' detection: no lambdas. */
    static Optional<PScalar> scalar(PNode root, String... path) {
        Optional<PNode> n = at(root, path);
        return n.isPresent() && n.get() instanceof PScalar s && !s.isNull() && !s.text().isBlank() ? Optional.of(s)
                : Optional.empty();
    }

    static Optional<String> text(PNode root, String... path) {
        Optional<PScalar> s = scalar(root, path);
        return s.isPresent() ? Optional.of(s.get().text().trim()) : Optional.empty();
    }

    /** A boolean written as a YAML/JSON boolean or as on/off, yes/no, 1/0 text. */
    Optional<Boolean> bool(PNode root, String... path) {
        Optional<PNode> n = at(root, path);
        if (n.isEmpty() || n.get() instanceof PScalar s && s.isNull()) {
            return Optional.empty();
        }
        if (n.get() instanceof PScalar s) {
            Optional<Boolean> b = parseBool(s.text());
            if (b.isPresent()) {
                return b;
            }
        }
        ctx.error(format + " '" + String.join(".", path) + "' must be true or false, got " + n.get().describe(),
                n.get().position());
        return Optional.empty();
    }

    static Optional<Boolean> parseBool(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true", "on", "yes", "y", "1" -> Optional.of(true);
            case "false", "off", "no", "n", "0" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    /** A whole number, written as a number or as numeric text. */
    Optional<Long> integer(PNode root, String... path) {
        Optional<PNode> n = at(root, path);
        if (n.isEmpty() || n.get() instanceof PScalar s && s.isNull()) {
            return Optional.empty();
        }
        if (n.get() instanceof PScalar s && s.text().trim().matches("-?\\d{1,18}")) {
            return Optional.of(Long.parseLong(s.text().trim()));
        }
        ctx.error(format + " '" + String.join(".", path) + "' must be a whole number, got " + n.get().describe(),
                n.get().position());
        return Optional.empty();
    }

    /** A whole number of seconds that makes a duration within {@link Durations#MAX}; larger is an error. */
    Optional<Long> seconds(PNode root, String... path) {
        Optional<Long> v = integer(root, path);
        if (v.isPresent() && v.get() > Durations.MAX.toSeconds()) {
            ctx.error(format + " '" + String.join(".", path) + "' is " + v.get() + " seconds, over the limit of "
                    + Durations.format(Durations.MAX) + " (one year)", position(root, path));
            return Optional.empty();
        }
        return v;
    }

    static SourcePosition position(PNode root, String... path) {
        return at(root, path).map(PNode::position).orElse(root.position());
    }
}
