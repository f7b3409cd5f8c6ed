package dev.failscope.load.importers;

import dev.failscope.model.SourcePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small INI reader that keeps positions (PgBouncer's {@code pgbouncer.ini}, pgpool-II's {@code pgpool.conf}):
 * {@code [section]} headers, {@code key = value} lines, {@code #} and {@code ;} comment lines. A value may be
 * single-quoted ({@code 'host1'}, pgpool) and may end in a {@code #} comment when unquoted. No library reads INI
 * with line and column, which every fact here needs.
 */
final class IniLines {
    private static final Pattern SECTION = Pattern.compile("\\s*\\[\\s*([^\\]]*?)\\s*]\\s*(?:[#;].*)?");

    /** One {@code key = value} line. {@code value} is unquoted; {@code valueAt} is where its text starts. */
    record Entry(String section, String key, SourcePosition keyAt, String value, SourcePosition valueAt,
                 int line, int valueColumn) {
        String lowerKey() {
            return key.toLowerCase(Locale.ROOT);
        }
    }

    /** A section header. */
    record Section(String name, SourcePosition at) {}

    final List<Entry> entries = new ArrayList<>();
    final List<Section> sections = new ArrayList<>();

    /** Reads the lines; a line that is neither a header nor {@code key = value} is an error, once per line. */
    static IniLines read(SourceText source, ImportContext ctx, boolean sectioned) {
        IniLines ini = new IniLines();
        String section = "";
        List<String> lines = source.lines();
        for (int i = 0; i < lines.size(); i++) {
            String raw = lines.get(i);
            String t = raw.strip();
            int indent = raw.length() - raw.stripLeading().length();
            if (t.isEmpty() || t.startsWith("#") || t.startsWith(";")) {
                continue;
            }
            Matcher m = SECTION.matcher(raw);
            if (sectioned && m.matches()) {
                section = m.group(1).toLowerCase(Locale.ROOT);
                ini.sections.add(new Section(section, source.at(i + 1, raw.indexOf('[') + 1)));
                continue;
            }
            if (sectioned && t.startsWith("%include")) {
                continue;
            }
            int eq = raw.indexOf('=');
            if (eq < 0) {
                ctx.error("expected key = value" + (sectioned ? " or a [section] header" : ""),
                        source.at(i + 1, indent + 1));
                continue;
            }
            String key = raw.substring(0, eq).strip();
            if (key.isEmpty()) {
                ctx.error("a key is missing before '='", source.at(i + 1, eq + 1));
                continue;
            }
            String rest = raw.substring(eq + 1);
            int col = eq + 2 + (rest.length() - rest.stripLeading().length());
            String value = rest.strip();
            if (value.startsWith("'") || value.startsWith("\"")) {
                char q = value.charAt(0);
                int close = closing(value, q);
                if (close < 0) {
                    ctx.error("unterminated quote", source.at(i + 1, col));
                    continue;
                }
                value = value.substring(1, close).replace("''", "'").replace("\\'", "'");
                col++;
            } else {
                int hash = value.indexOf(" #");
                value = (hash >= 0 ? value.substring(0, hash) : value).strip();
            }
            ini.entries.add(new Entry(section, key, source.at(i + 1, indent + 1), value, source.at(i + 1, col),
                    i + 1, col));
        }
        return ini;
    }

    private static int closing(String v, char q) {
        for (int k = 1; k < v.length(); k++) {
            char c = v.charAt(k);
            if (c == '\\' && k + 1 < v.length()) {
                k++;
            } else if (c == q) {
                if (k + 1 < v.length() && v.charAt(k + 1) == q) {
                    k++;
                } else {
                    return k;
                }
            }
        }
        return -1;
    }

    /** The last entry of {@code key} (case-insensitive) in {@code section}, as the programs read them. */
    java.util.Optional<Entry> get(String section, String key) {
        Entry found = null;
        for (Entry e : entries) {
            if (e.section().equals(section) && e.lowerKey().equals(key)) {
                found = e;
            }
        }
        return java.util.Optional.ofNullable(found);
    }

    List<Entry> in(String section) {
        return entries.stream().filter(e -> e.section().equals(section)).toList();
    }
}
