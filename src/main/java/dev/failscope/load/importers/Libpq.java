package dev.failscope.load.importers;

import dev.failscope.model.Ref;
import dev.failscope.model.SourcePosition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * libpq's keyword form ({@code host=a,b port=5432,5433 dbname=x target_session_attrs=read-write}), as
 * PgBouncer's {@code [databases]} and application configs write it: {@code key=value} pairs split on blanks,
 * values optionally single-quoted with backslash escapes. Host lists pair with port lists as libpq pairs them:
 * one port for all, or one per host.
 */
final class Libpq {
    /** One pair with the column of its key and of its value within the line. */
    record Pair(String key, String value, int keyColumn, int valueColumn) {}

    /** The pairs of {@code text}, which starts at {@code column} of {@code line}; errors go to {@code ctx}. */
    static Map<String, Pair> pairs(String text, SourceText source, int line, int column, ImportContext ctx) {
        Map<String, Pair> out = new LinkedHashMap<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int keyStart = i;
            while (i < n && text.charAt(i) != '=' && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            String key = text.substring(keyStart, i).toLowerCase(Locale.ROOT);
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= n || text.charAt(i) != '=') {
                ctx.error("expected key=value in the connection string (the word is not shown: it may be a "
                        + "password)", source.at(line, column + keyStart));
                return out;
            }
            i++;
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int valueStart = i;
            StringBuilder v = new StringBuilder();
            if (i < n && text.charAt(i) == '\'') {
                i++;
                boolean closed = false;
                while (i < n) {
                    char c = text.charAt(i++);
                    if (c == '\\' && i < n) {
                        v.append(text.charAt(i++));
                    } else if (c == '\'') {
                        closed = true;
                        break;
                    } else {
                        v.append(c);
                    }
                }
                if (!closed) {
                    ctx.error("unterminated quote in the value of '" + key + "'",
                            source.at(line, column + valueStart));
                    return out;
                }
                valueStart++;
            } else {
                while (i < n && !Character.isWhitespace(text.charAt(i))) {
                    char c = text.charAt(i++);
                    if (c == '\\' && i < n) {
                        v.append(text.charAt(i++));
                    } else {
                        v.append(c);
                    }
                }
            }
            out.put(key, new Pair(key, v.toString(), column + keyStart, column + valueStart));
        }
        return out;
    }

    /**
     * The hosts of {@code host=} (or {@code hostaddr=}) with their ports, as written ({@code db1:5432}), each at
     * its column. A host starting with {@code /} is a Unix socket directory and is left out (reported as empty
     * list entries are not). {@code defaultPort} null leaves a host without a port as written.
     */
    static List<Ref> hosts(Map<String, Pair> pairs, SourceText source, int line, ImportContext ctx) {
        Pair host = pairs.get("host") != null ? pairs.get("host") : pairs.get("hostaddr");
        List<Ref> out = new ArrayList<>();
        if (host == null) {
            return out;
        }
        String[] hosts = host.value().split(",", -1);
        Pair port = pairs.get("port");
        String[] ports = port == null ? new String[0] : port.value().split(",", -1);
        if (ports.length > 1 && ports.length != hosts.length) {
            ctx.error("port lists " + ports.length + " ports for " + hosts.length + " hosts (libpq needs one "
                    + "port, or one per host)", source.at(line, port.valueColumn()));
            return out;
        }
        int offset = 0;
        for (int k = 0; k < hosts.length; k++) {
            String h = hosts[k].strip();
            String p = ports.length == 0 ? "" : ports[ports.length == 1 ? 0 : k].strip();
            SourcePosition at = source.at(line, host.valueColumn() + offset);
            offset += hosts[k].length() + 1;
            if (!p.isEmpty() && !p.matches("\\d{1,5}")) {
                ctx.error("port must be a number, got '" + p + "'", source.at(line, port.valueColumn()));
                continue;
            }
            if (h.isEmpty() || h.startsWith("/") || h.startsWith("@")) {
                continue;
            }
            out.add(new Ref(Address.format(h, p.isEmpty() ? null : Integer.valueOf(p)), at));
        }
        return out;
    }
}
