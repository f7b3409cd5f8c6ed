package dev.failscope.load;

import dev.failscope.load.tree.PMap;
import dev.failscope.load.tree.PNode;
import dev.failscope.load.tree.PScalar;
import dev.failscope.load.tree.PSeq;
import dev.failscope.model.Waiver;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/** Reads a native {@code kind: waivers} document: a list of {rule, subject, target?, reason, owner, expires}. */
final class WaiverReader {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    private final LoadSink sink;

    WaiverReader(LoadSink sink) {
        this.sink = sink;
    }

    void read(PMap map) {
        Fields f = new Fields(map, "waivers", sink);
        f.checkKeys(NativeReader.WAIVERS_KEYS, "waivers");
        Optional<PSeq> list = f.list("waivers");
        if (list.isEmpty() && map.get("waivers").isEmpty()) {
            sink.error("waivers is missing required key 'waivers'", map.position());
        }
        list.ifPresent(seq -> seq.items().forEach(this::waiver));
    }

    private void waiver(PNode node) {
        if (!(node instanceof PMap map)) {
            sink.error("a waiver must be a map with rule, subject, reason, owner and expires, got "
                    + node.describe(), node.position());
            return;
        }
        String label = map.text("rule").map(r -> "waiver of '" + r + "'").orElse("waiver");
        Fields f = new Fields(map, label, sink);
        PScalar rule = f.requiredName("rule");
        f.checkKeys(NativeReader.WAIVER_KEYS, rule != null ? rule.text() : "waivers");
        PScalar subject = f.requiredName("subject");
        Optional<String> target = f.string("target");
        PScalar reason = f.requiredName("reason");
        PScalar owner = f.requiredName("owner");
        LocalDate expires = expires(f, map, label);
        if (rule != null && subject != null && reason != null && owner != null && expires != null) {
            sink.builder().waiver(new Waiver(rule.text(), subject.text(), target.orElse(null), reason.text(),
                    owner.text(), expires, rule.position(), f.facts()));
        }
    }

    private LocalDate expires(Fields f, PMap map, String label) {
        Optional<PNode> n = f.node("expires");
        if (n.isEmpty()) {
            sink.error(label + " is missing required key 'expires' (a date such as 2025-06-30)", map.position());
            return null;
        }
        if (n.get() instanceof PScalar s && !s.isNull()) {
            try {
                return LocalDate.parse(s.text().trim(), DATE);
            } catch (DateTimeParseException e) {
                sink.error("'expires' of " + label + " must be a date YYYY-MM-DD, got '" + s.text() + "'",
                        s.position());
                return null;
            }
        }
        sink.error("'expires' of " + label + " must be a date YYYY-MM-DD, got " + n.get().describe(),
                n.get().position());
        return null;
    }
}
