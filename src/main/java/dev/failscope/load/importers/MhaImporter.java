package dev.failscope.load.importers;

import dev.failscope.model.Cluster;
import dev.failscope.model.Facts;
import dev.failscope.model.FailoverPolicy;
import dev.failscope.model.Ref;
import dev.failscope.model.Replica;
import dev.failscope.model.ReplicationMode;
import dev.failscope.model.Server;
import dev.failscope.model.ServerStatus;
import dev.failscope.model.SourcePosition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MySQL MHA application configs ({@code app1.cnf}): an INI file whose {@code [server default]} section supplies
 * defaults to each {@code [serverN]}. One file is one cluster, named after the file.
 *
 * <p>A file with only {@code [server default]} is MHA's global defaults file ({@code masterha_default.cnf},
 * {@code masterha_manager --global_conf}): its settings are the defaults under every application config of the
 * same folder (or, when the run has exactly one defaults file, of the run); the application's own
 * {@code [server default]} and {@code [serverN]} override them, as in MHA's {@code Config.pm}.
 *
 * <p>MHA tells servers apart by {@code ip:port} (its {@code Server} objects compare both), so five instances
 * on 127.0.0.1 ports 10000–10004 are five servers. A server is named by its {@code hostname}, with
 * {@code :port} when the port is not MySQL's default 3306.
 */
public final class MhaImporter implements Importer {
    private static final Pattern SECTION = Pattern.compile("\\s*\\[\\s*([^\\]]*?)\\s*]\\s*(?:[#;].*)?");
    private static final Pattern SERVER = Pattern.compile("(?i)server\\s*(default|\\d+)");
    static final int DEFAULT_PORT = 3306;
    static final int DEFAULT_PING_INTERVAL = 3;

    @Override
    public String id() {
        return "mha";
    }

    @Override
    public String label() {
        return "MySQL MHA app.cnf ([server default], [serverN])";
    }

    @Override
    public boolean lineBased() {
        return true;
    }

    @Override
    public boolean detect(SourceText source) {
        for (String l : source.lines()) {
            Matcher m = SECTION.matcher(l);
            if (m.matches() && SERVER.matcher(m.group(1)).matches()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Session open(ImportContext context) {
        return new MhaSession(context);
    }

    /** Collects every file first: a global defaults file applies to the application configs beside it. */
    private final class MhaSession implements Session {
        private final ImportContext ctx;
        private final List<SourceText> apps = new ArrayList<>();
        private final List<List<Section>> appSections = new ArrayList<>();
        private final Map<String, Map<String, Value>> globals = new LinkedHashMap<>();

        MhaSession(ImportContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void read(SourceText source, boolean forced) {
            List<Section> sections = sections(source, ctx);
            boolean anyServer = sections.stream().anyMatch(s -> serverNumber(s.name()));
            boolean anyDefault = sections.stream().anyMatch(s -> isDefault(s.name()));
            if (!anyServer && anyDefault) {
                Map<String, Value> defaults = new LinkedHashMap<>();
                sections.stream().filter(s -> isDefault(s.name())).forEach(s -> defaults.putAll(s.values()));
                if (globals.putIfAbsent(folder(source.display()), defaults) != null) {
                    ctx.error("a second MHA global defaults file in this folder ([server default] only); MHA "
                            + "reads one --global_conf", source.start());
                }
                return;
            }
            apps.add(source);
            appSections.add(sections);
        }

        @Override
        public void finish() {
            for (int i = 0; i < apps.size(); i++) {
                Map<String, Value> global = globals.get(folder(apps.get(i).display()));
                if (global == null && globals.size() == 1) {
                    global = globals.values().iterator().next();
                }
                MhaImporter.this.read(apps.get(i), appSections.get(i), global == null ? Map.of() : global, ctx);
            }
        }
    }

    private static boolean isDefault(String section) {
        Matcher m = SERVER.matcher(section);
        return m.matches() && "default".equalsIgnoreCase(m.group(1));
    }

    private static boolean serverNumber(String section) {
        Matcher m = SERVER.matcher(section);
        return m.matches() && !"default".equalsIgnoreCase(m.group(1));
    }

    static String folder(String display) {
        int slash = Math.max(display.lastIndexOf('/'), display.lastIndexOf('\\'));
        return slash < 0 ? "" : display.substring(0, slash);
    }

    /** A value and where it was written. */
    private record Value(String text, SourcePosition at) {}

    /** One [section]: its header position and keys in order (lower case). */
    private record Section(String name, SourcePosition at, Map<String, Value> values) {}

    private void read(SourceText source, List<Section> sections, Map<String, Value> global, ImportContext ctx) {
        Map<String, Value> defaults = new LinkedHashMap<>(global);
        List<Section> servers = new ArrayList<>();
        for (Section s : sections) {
            Matcher m = SERVER.matcher(s.name());
            if (m.matches() && "default".equalsIgnoreCase(m.group(1))) {
                defaults.putAll(s.values());
            } else if (m.matches()) {
                servers.add(s);
            }
        }
        if (servers.isEmpty()) {
            ctx.error("no [serverN] section: an MHA config needs at least one server", source.start());
            return;
        }
        String cluster = stem(source.display());
        List<Ref> refs = new ArrayList<>();
        List<Boolean> never = new ArrayList<>();
        List<Boolean> preferred = new ArrayList<>();
        for (Section s : servers) {
            Map<String, Value> v = new LinkedHashMap<>(defaults);
            v.putAll(s.values());
            Optional<Ref> ref = server(s, v, ctx);
            if (ref.isPresent()) {
                refs.add(ref.get());
                never.add(flag(v, "no_master", ctx));
                preferred.add(flag(v, "candidate_master", ctx));
            }
        }
        if (refs.isEmpty()) {
            return;
        }
        int primary = never.indexOf(false) < 0 ? 0 : never.indexOf(false);
        ctx.assumed("primary", "MHA finds the current master of '" + cluster + "' at run time; Failscope assumes "
                + refs.get(primary).name() + " (the first server that may be master) is the primary", cluster,
                refs.get(primary).position());
        List<Replica> replicas = new ArrayList<>();
        List<Ref> first = new ArrayList<>();
        List<Ref> rest = new ArrayList<>();
        for (int i = 0; i < refs.size(); i++) {
            if (i == primary) {
                continue;
            }
            replicas.add(new Replica(refs.get(i), null, ReplicationMode.ASYNC, null, Facts.NONE));
            if (!never.get(i)) {
                (preferred.get(i) ? first : rest).add(refs.get(i));
            }
        }
        first.addAll(rest);
        SourcePosition at = servers.get(0).at();
        ctx.model().cluster(new Cluster(cluster, at, "mysql", refs.get(primary), replicas,
                new Facts(Map.of("primary", refs.get(primary).position()))));
        Optional<Value> ping = Optional.ofNullable(defaults.get("ping_interval"));
        int interval = ping.filter(p -> p.text().matches("\\d{1,6}")).map(p -> Integer.parseInt(p.text()))
                .orElse(DEFAULT_PING_INTERVAL);
        Map<String, SourcePosition> facts = new HashMap<>();
        ping.ifPresent(p -> facts.put("detection", p.at()));
        if (replicas.isEmpty()) {
            return;
        }
        ctx.model().policy(new FailoverPolicy(new Ref(cluster, at), first, Duration.ofSeconds(4L * interval),
                FailoverPolicy.DEFAULT_ATTEMPT_TIMEOUT, null, false, false, new Facts(facts)));
    }

    private Optional<Ref> server(Section s, Map<String, Value> v, ImportContext ctx) {
        Value host = v.get("hostname");
        if (host == null || host.text().isBlank()) {
            ctx.error("[" + s.name() + "] has no hostname (and [server default] gives none)", s.at());
            return Optional.empty();
        }
        Value ip = v.get("ip");
        Value port = v.get("port");
        Integer p = port != null && port.text().matches("\\d{1,5}") ? Integer.valueOf(port.text()) : DEFAULT_PORT;
        if (port != null && !port.text().matches("\\d{1,5}")) {
            ctx.error("port must be a number, got '" + port.text() + "'", port.at());
        }
        String address = Address.format(ip != null ? ip.text() : host.text(), p);
        String name = p == DEFAULT_PORT ? host.text() : Address.format(host.text(), p);
        boolean never = flag(v, "no_master", null);
        Map<String, SourcePosition> facts = new HashMap<>();
        facts.put("name", host.at());
        facts.put("address", ip != null ? ip.at() : host.at());
        if (never) {
            facts.put("no-failover", v.get("no_master").at());
        }
        ctx.model().server(new Server(name, host.at(), address, null, null, null, ServerStatus.ACTIVE,
                never, Map.of(), new Facts(facts)));
        return Optional.of(new Ref(name, host.at()));
    }

    /** The flag's value; a value that is not a boolean is reported to {@code ctx} (when given) and is false. */
    private static boolean flag(Map<String, Value> v, String key, ImportContext ctx) {
        Value x = v.get(key);
        if (x == null) {
            return false;
        }
        Optional<Boolean> b = Tree.parseBool(x.text());
        if (b.isEmpty() && ctx != null) {
            ctx.error(key + " must be 1 or 0 (or true/false, yes/no, on/off), got '" + x.text() + "'", x.at());
        }
        return b.orElse(false);
    }

    private List<Section> sections(SourceText source, ImportContext ctx) {
        List<Section> sections = new ArrayList<>();
        Section current = null;
        List<String> lines = source.lines();
        for (int i = 0; i < lines.size(); i++) {
            String raw = lines.get(i);
            String t = raw.strip();
            if (t.isEmpty() || t.startsWith("#") || t.startsWith(";")) {
                continue;
            }
            Matcher m = SECTION.matcher(raw);
            if (m.matches()) {
                current = new Section(m.group(1), source.at(i + 1, raw.indexOf('[') + 1), new LinkedHashMap<>());
                sections.add(current);
                continue;
            }
            int eq = raw.indexOf('=');
            if (eq < 0 || current == null) {
                ctx.error(current == null ? "expected a [section] header before settings" : "expected key=value",
                        source.at(i + 1, raw.length() - raw.stripLeading().length() + 1));
                continue;
            }
            String key = raw.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String value = stripComment(raw.substring(eq + 1));
            int col = eq + 2 + (raw.substring(eq + 1).length() - raw.substring(eq + 1).stripLeading().length());
            current.values().put(key, new Value(value, source.at(i + 1, col)));
        }
        return sections;
    }

    private static String stripComment(String v) {
        int hash = v.indexOf(" #");
        String s = hash >= 0 ? v.substring(0, hash) : v;
        s = s.strip();
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
            s = s.substring(1, s.length() - 1);
        }
        return s;
    }

    static String stem(String display) {
        String name = display.substring(Math.max(display.lastIndexOf('/'), display.lastIndexOf('\\')) + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
