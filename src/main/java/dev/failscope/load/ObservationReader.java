package dev.failscope.load;

import dev.failscope.load.tree.PMap;
import dev.failscope.load.tree.PNode;
import dev.failscope.load.tree.PScalar;
import dev.failscope.load.tree.ScalarType;
import dev.failscope.model.Observation;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a server's {@code observed:} mapping (what {@code failscope snapshot} saw of it) into an
 * {@link Observation}. Every key is optional; a wrong value is a load error at its position and the value is
 * left unknown, so a bad lsn never becomes a guessed one.
 */
final class ObservationReader {
    static final Set<String> KEYS = Set.of("role", "state", "timeline", "lsn", "lag-bytes", "sync", "offset",
            "priority", "at");
    static final List<String> ROLES = List.of("primary", "leader", "replica", "sync_standby", "standby_leader",
            "master", "slave");
    static final List<String> STATES = List.of("running", "streaming", "stopped", "unreachable");
    static final List<String> SYNC = List.of("sync", "quorum", "potential", "async");
    /** PostgreSQL's {@code pg_lsn} text form: two hexadecimal numbers of up to 32 bits each. */
    private static final Pattern LSN = Pattern.compile("[0-9A-Fa-f]{1,8}/[0-9A-Fa-f]{1,8}");

    private final LoadSink sink;

    ObservationReader(LoadSink sink) {
        this.sink = sink;
    }

    /** The observation of {@code server} in {@code node}, if the node is a map (an error otherwise). */
    Optional<Observation> read(PNode node, String server) {
        String what = "observed state of server '" + server + "'";
        if (node instanceof PScalar s && s.isNull()) {
            return Optional.empty();
        }
        if (!(node instanceof PMap map)) {
            sink.error("'observed' of server '" + server + "' must be a map (role, state, lsn, ...), got "
                    + node.describe(), node.position());
            return Optional.empty();
        }
        Fields f = new Fields(map, what, sink);
        f.checkKeys(KEYS, server);
        String role = word(f, "role", ROLES, what);
        String state = word(f, "state", STATES, what);
        Long timeline = f.integer("timeline", 1).orElse(null);
        String lsn = lsn(f, what);
        Long lag = f.integer("lag-bytes", 0).orElse(null);
        String sync = word(f, "sync", SYNC, what);
        Long offset = f.integer("offset", 0).orElse(null);
        Integer priority = priority(f, what);
        String at = instant(f, what);
        return Optional.of(new Observation(role, state, timeline, lsn, lag, sync, offset, priority, at,
                map.position(), f.facts()));
    }

    /** One of {@code allowed}, written exactly; a near miss gets a did-you-mean. */
    private String word(Fields f, String key, List<String> allowed, String what) {
        Optional<PNode> n = f.node(key);
        if (n.isEmpty()) {
            return null;
        }
        String hint = "";
        if (n.get() instanceof PScalar s && s.type() == ScalarType.STRING) {
            if (allowed.contains(s.text())) {
                return s.text();
            }
            hint = Suggestions.closest(s.text(), allowed).map(c -> ": did you mean '" + c + "'?").orElse("");
        }
        sink.error("'" + key + "' of " + what + " must be one of " + String.join(", ", allowed) + ", got "
                + n.get().describe() + hint, n.get().position());
        return null;
    }

    private String lsn(Fields f, String what) {
        Optional<PNode> n = f.node("lsn");
        if (n.isEmpty()) {
            return null;
        }
        if (n.get() instanceof PScalar s && s.type() == ScalarType.STRING && LSN.matcher(s.text()).matches()) {
            return s.text();
        }
        sink.error("'lsn' of " + what + " must be a WAL position: two hexadecimal numbers of up to 8 digits "
                + "with a slash, such as 0/3000148, got " + n.get().describe(), n.get().position());
        return null;
    }

    private Integer priority(Fields f, String what) {
        Optional<PNode> n = f.node("priority");
        Optional<Long> v = f.integer("priority", 0);
        if (v.isPresent() && v.get() > Integer.MAX_VALUE) {
            sink.error("'priority' of " + what + " is " + v.get() + ", over the largest priority "
                    + Integer.MAX_VALUE, n.orElseThrow().position());
            return null;
        }
        return v.map(Long::intValue).orElse(null);
    }

    private String instant(Fields f, String what) {
        Optional<PNode> n = f.node("at");
        if (n.isEmpty()) {
            return null;
        }
        if (n.get() instanceof PScalar s && s.type() == ScalarType.STRING) {
            try {
                OffsetDateTime.parse(s.text());
                return s.text();
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        sink.error("'at' of " + what + " must be an ISO-8601 time with an offset, such as 2026-12-02T18:00:00Z, "
                + "got " + n.get().describe(), n.get().position());
        return null;
    }
}
