package dev.failscope.load.importers;

import dev.failscope.model.SourcePosition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One repmgr.conf: {@code key=value} lines (values may be single- or double-quoted, {@code #} starts a comment),
 * read as repmgr's {@code configfile.c} does for the keys that decide failover. Defaults are repmgr's:
 * {@code priority=100}, {@code location='default'}, {@code failover=manual}, {@code reconnect_attempts=6},
 * {@code reconnect_interval=10}.
 */
record RepmgrNode(SourceText source, String cluster, int nodeId, SourcePosition nodeIdAt, String name,
                  SourcePosition nameAt, Optional<String> address, Optional<SourcePosition> addressAt, int priority,
                  SourcePosition priorityAt, String location, SourcePosition locationAt, boolean automatic,
                  SourcePosition failoverAt, Optional<Integer> upstream, SourcePosition upstreamAt, boolean witness,
                  int reconnectAttempts, int reconnectInterval, Optional<SourcePosition> reconnectAt) {
    private static final Pattern LINE = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*(.*?)\\s*");
    private static final Pattern CONNINFO_HOST = Pattern.compile("(?:^|\\s)host\\s*=\\s*'?([^'\\s]+)");
    private static final Pattern CONNINFO_PORT = Pattern.compile("(?:^|\\s)port\\s*=\\s*'?(\\d{1,5})");
    private static final Pattern URI = Pattern.compile("postgres(?:ql)?://(?:[^@/]*@)?([^:/?,]+)(?::(\\d{1,5}))?");

    /** A value as written and where it starts. */
    private record Value(String text, SourcePosition at, int column) {}

    /**
     * The decisive order of do_election() in repmgrd-physical.c, for standbys whose LSNs are equal:
     * <pre>
     *   if (cell->node_info->last_wal_receive_lsn > candidate_node->last_wal_receive_lsn)  ... ahead
     *   /&#42; LSN is same - tiebreak on priority, then node_id &#42;/
     *   if (cell->node_info->priority > candidate_node->priority)
     *   else if (cell->node_info->priority == candidate_node->priority)
     *       if (cell->node_info->node_id < candidate_node->node_id)
     * </pre>
     */
    static int compareForElection(RepmgrNode a, RepmgrNode b) {
        if (a.priority != b.priority) {
            return Integer.compare(b.priority, a.priority);
        }
        return Integer.compare(a.nodeId, b.nodeId);
    }

    /**
     * May repmgrd promote it? do_election() returns ELECTION_NOT_CANDIDATE when
     * {@code config_file_options.failover == FAILOVER_MANUAL} and when {@code local_node_info.priority <= 0}
     * ("this node's priority is %i so will not be considered as an automatic promotion candidate"); a witness
     * is never promoted.
     */
    boolean candidate() {
        return !witness && automatic && priority > 0;
    }

    static Optional<RepmgrNode> parse(SourceText source, ImportContext ctx) {
        Map<String, Value> v = new LinkedHashMap<>();
        List<String> lines = source.lines();
        for (int i = 0; i < lines.size(); i++) {
            String raw = lines.get(i);
            String t = raw.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(stripComment(raw));
            if (!m.matches()) {
                ctx.error("expected key=value", source.at(i + 1, raw.length() - raw.stripLeading().length() + 1));
                continue;
            }
            int col = m.start(2) + 1;
            String value = unquote(m.group(2));
            if (!value.equals(m.group(2))) {
                col++;
            }
            v.put(m.group(1).toLowerCase(Locale.ROOT), new Value(value, source.at(i + 1, col), col));
        }
        Value id = v.get("node_id");
        Value name = v.get("node_name");
        if (id == null || !id.text().matches("\\d{1,9}") || name == null || name.text().isBlank()) {
            ctx.error("a repmgr.conf needs node_id (a positive number) and node_name", id != null ? id.at()
                    : source.start());
            return Optional.empty();
        }
        SourcePosition node = id.at();
        int priority = number(v, "priority", RepmgrImporter.DEFAULT_PRIORITY, ctx);
        Value failover = v.get("failover");
        if (failover != null && !List.of("automatic", "manual")
                .contains(failover.text().toLowerCase(Locale.ROOT))) {
            ctx.error("failover must be 'automatic' or 'manual', got '" + failover.text() + "'", failover.at());
        }
        Value upstream = v.get("upstream_node_id");
        Optional<Integer> up = upstream != null && upstream.text().matches("\\d{1,9}")
                ? Optional.of(Integer.valueOf(upstream.text())) : Optional.empty();
        boolean witness = name.text().toLowerCase(Locale.ROOT).contains("witness")
                || source.display().toLowerCase(Locale.ROOT).contains("witness");
        if (witness) {
            ctx.assumed("witness", "repmgr records a witness in its metadata ('repmgr witness register'), not in "
                    + "repmgr.conf; Failscope takes '" + name.text() + "' for a witness by its name", name.text(),
                    name.at());
        }
        Value conninfo = v.get("conninfo");
        Optional<String> address = Optional.empty();
        Optional<SourcePosition> addressAt = Optional.empty();
        if (conninfo != null) {
            Matcher h = CONNINFO_HOST.matcher(conninfo.text());
            Matcher u = URI.matcher(conninfo.text());
            if (h.find()) {
                Matcher p = CONNINFO_PORT.matcher(conninfo.text());
                address = Optional.of(Address.format(h.group(1), p.find() ? Integer.valueOf(p.group(1)) : null));
                addressAt = Optional.of(shift(conninfo, h.start(1)));
            } else if (u.find()) {
                address = Optional.of(Address.format(u.group(1), u.group(2) == null ? null
                        : Integer.valueOf(u.group(2))));
                addressAt = Optional.of(shift(conninfo, u.start(1)));
            }
        }
        Value attempts = v.get("reconnect_attempts");
        Value interval = v.get("reconnect_interval");
        return Optional.of(new RepmgrNode(source, v.containsKey("cluster") ? v.get("cluster").text() : "repmgr",
                Integer.parseInt(id.text()), node, name.text(), name.at(), address, addressAt, priority,
                at(v, "priority", node), v.containsKey("location") ? v.get("location").text() : "default",
                at(v, "location", node), failover != null && failover.text().equalsIgnoreCase("automatic"),
                at(v, "failover", node), up, at(v, "upstream_node_id", node), witness,
                number(v, "reconnect_attempts", RepmgrImporter.DEFAULT_RECONNECT_ATTEMPTS, ctx),
                number(v, "reconnect_interval", RepmgrImporter.DEFAULT_RECONNECT_INTERVAL, ctx),
                Optional.ofNullable(attempts != null ? attempts : interval).map(Value::at)));
    }

    private static SourcePosition shift(Value v, int offset) {
        return new SourcePosition(v.at().file(), v.at().line(), v.column() + offset);
    }

    private static SourcePosition at(Map<String, Value> v, String key, SourcePosition fallback) {
        return v.containsKey(key) ? v.get(key).at() : fallback;
    }

    private static int number(Map<String, Value> v, String key, int fallback, ImportContext ctx) {
        Value x = v.get(key);
        if (x == null) {
            return fallback;
        }
        if (!x.text().matches("-?\\d{1,9}")) {
            ctx.error(key + " must be a whole number, got '" + x.text() + "'", x.at());
            return fallback;
        }
        return Integer.parseInt(x.text());
    }

    private static String stripComment(String raw) {
        boolean single = false;
        boolean dbl = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\'' && !dbl) {
                single = !single;
            } else if (c == '"' && !single) {
                dbl = !dbl;
            } else if (c == '#' && !single && !dbl) {
                return raw.substring(0, i);
            }
        }
        return raw;
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.startsWith("'") && s.endsWith("'") || s.startsWith("\"") && s.endsWith("\""))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }
}
