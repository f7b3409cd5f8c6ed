package dev.failscope.load.importers;

import dev.failscope.load.tree.PEntry;
import dev.failscope.load.tree.PMap;
import dev.failscope.load.tree.PNode;
import dev.failscope.load.tree.PScalar;
import dev.failscope.model.SourcePosition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hosts, groups and variables of Ansible inventories of one run, in INI or YAML form, plus
 * {@code host_vars/HOST.yml} and {@code group_vars/GROUP.yml} files. Variables keep their positions.
 */
final class AnsibleInventory {
    /** A variable value and where it was written. */
    record Var(String text, SourcePosition at) {}

    /** One group: its own variables, child groups and hosts. */
    static final class Group {
        final Map<String, Var> vars = new LinkedHashMap<>();
        final Set<String> children = new LinkedHashSet<>();
        final Set<String> hosts = new LinkedHashSet<>();
    }

    /** One host: where it is first named, its inline variables and its host_vars. */
    static final class Host {
        SourcePosition at;
        final Map<String, Var> vars = new LinkedHashMap<>();
        final Map<String, Var> hostVars = new LinkedHashMap<>();
    }

    private static final Pattern SECTION = Pattern.compile("\\s*\\[([^\\]:]+)(?::(vars|children))?]\\s*(?:[#;].*)?");
    private static final Pattern PAIR = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"[^\"]*\"|'[^']*'|\\S*)");
    private static final Pattern RANGE = Pattern.compile("\\[([0-9]+):([0-9]+)]");

    final Map<String, Host> hosts = new LinkedHashMap<>();
    final Map<String, Group> groups = new LinkedHashMap<>();

    Group group(String name) {
        return groups.computeIfAbsent(name, k -> new Group());
    }

    private Host host(String name, SourcePosition at) {
        Host h = hosts.computeIfAbsent(name, k -> new Host());
        if (h.at == null) {
            h.at = at;
        }
        return h;
    }

    /** An INI inventory: {@code [group]} host lines, {@code [group:vars]} and {@code [group:children]}. */
    void readIni(SourceText source, ImportContext ctx) {
        String section = "ungrouped";
        String kind = "";
        List<String> lines = source.lines();
        for (int i = 0; i < lines.size(); i++) {
            String raw = lines.get(i);
            String t = raw.strip();
            if (t.isEmpty() || t.startsWith("#") || t.startsWith(";")) {
                continue;
            }
            int indent = raw.length() - raw.stripLeading().length();
            Matcher s = SECTION.matcher(raw);
            if (s.matches()) {
                section = s.group(1).strip();
                kind = s.group(2) == null ? "" : s.group(2);
                group(section);
                continue;
            }
            switch (kind) {
                case "vars" -> {
                    int eq = t.indexOf('=');
                    if (eq <= 0) {
                        ctx.error("expected key=value in [" + section + ":vars]", source.at(i + 1, indent + 1));
                        continue;
                    }
                    int col = raw.indexOf('=') + 2 + leading(raw.substring(raw.indexOf('=') + 1));
                    group(section).vars.put(t.substring(0, eq).strip(), new Var(unquote(t.substring(eq + 1).strip()),
                            source.at(i + 1, col)));
                }
                case "children" -> group(section).children.add(t.split("\\s+")[0]);
                default -> hostLine(source, raw, i + 1, indent, section);
            }
        }
    }

    private void hostLine(SourceText source, String raw, int line, int indent, String section) {
        String t = raw.strip();
        String name = t.split("\\s+")[0];
        Map<String, Var> vars = new LinkedHashMap<>();
        Matcher m = PAIR.matcher(raw);
        int from = indent + name.length();
        while (m.find(from)) {
            vars.put(m.group(1), new Var(unquote(m.group(2)), source.at(line, m.start(2) + 1
                    + (m.group(2).startsWith("\"") || m.group(2).startsWith("'") ? 1 : 0))));
            from = m.end();
        }
        for (String h : expand(name)) {
            Host host = host(h, source.at(line, indent + 1));
            vars.forEach(host.vars::putIfAbsent);
            group(section).hosts.add(h);
        }
    }

    /** {@code db[01:03].example.com} is db01, db02, db03 (Ansible's numeric host ranges). */
    static List<String> expand(String pattern) {
        Matcher r = RANGE.matcher(pattern);
        if (!r.find()) {
            return List.of(pattern);
        }
        List<String> out = new ArrayList<>();
        int a = Integer.parseInt(r.group(1));
        int b = Integer.parseInt(r.group(2));
        for (int n = a; n <= b && out.size() < 10_000; n++) {
            String num = r.group(1).startsWith("0") ? String.format("%0" + r.group(1).length() + "d", n)
                    : String.valueOf(n);
            out.addAll(expand(pattern.substring(0, r.start()) + num + pattern.substring(r.end())));
        }
        return out;
    }

    /** A YAML inventory: {@code all:} (or top-level groups) with {@code hosts}, {@code children}, {@code vars}. */
    void readYaml(PMap root) {
        for (PEntry e : root.entries()) {
            yamlGroup(e.key().text(), e.value());
        }
    }

    private void yamlGroup(String name, PNode node) {
        Group g = group(name);
        if (!(node instanceof PMap m)) {
            return;
        }
        m.get("hosts").filter(PMap.class::isInstance).map(PMap.class::cast).ifPresent(hs -> {
            for (PEntry h : hs.entries()) {
                for (String hn : expand(h.key().text())) {
                    Host host = host(hn, h.key().position());
                    if (h.value() instanceof PMap vars) {
                        vars(vars).forEach(host.vars::putIfAbsent);
                    }
                    g.hosts.add(hn);
                }
            }
        });
        m.get("vars").filter(PMap.class::isInstance).map(PMap.class::cast).ifPresent(v -> g.vars.putAll(vars(v)));
        m.get("children").filter(PMap.class::isInstance).map(PMap.class::cast).ifPresent(cs -> {
            for (PEntry c : cs.entries()) {
                g.children.add(c.key().text());
                yamlGroup(c.key().text(), c.value());
            }
        });
    }

    /** host_vars/HOST.yml or group_vars/GROUP.yml (or group_vars/GROUP/any.yml). */
    void readVarsFile(String display, PMap root) {
        String[] parts = display.replace('\\', '/').split("/");
        int at = -1;
        for (int i = parts.length - 2; i >= 0; i--) {
            if (parts[i].equals("host_vars") || parts[i].equals("group_vars")) {
                at = i;
                break;
            }
        }
        if (at < 0) {
            return;
        }
        String name = at + 2 < parts.length ? parts[at + 1] : parts[parts.length - 1].replaceFirst("\\.(ya?ml|json)$", "");
        Map<String, Var> vars = vars(root);
        if (parts[at].equals("host_vars")) {
            Host h = hosts.computeIfAbsent(name, k -> new Host());
            vars.forEach(h.hostVars::putIfAbsent);
        } else {
            vars.forEach(group(name).vars::putIfAbsent);
        }
    }

    static boolean isVarsFile(String display) {
        String d = "/" + display.replace('\\', '/');
        return d.contains("/host_vars/") || d.contains("/group_vars/");
    }

    private static Map<String, Var> vars(PMap m) {
        Map<String, Var> out = new LinkedHashMap<>();
        for (PEntry e : m.entries()) {
            if (e.value() instanceof PScalar s && !s.isNull()) {
                out.put(e.key().text(), new Var(s.text(), s.position()));
            }
        }
        return out;
    }

    private static int leading(String s) {
        return s.length() - s.stripLeading().length();
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }
}
