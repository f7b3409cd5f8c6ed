package dev.failscope.load.importers;

import dev.failscope.load.importers.AnsibleInventory.Group;
import dev.failscope.load.importers.AnsibleInventory.Host;
import dev.failscope.load.importers.AnsibleInventory.Var;
import dev.failscope.load.tree.PMap;
import dev.failscope.load.tree.PNode;
import dev.failscope.model.Facts;
import dev.failscope.model.Server;
import dev.failscope.model.ServerStatus;
import dev.failscope.model.SourcePosition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Ansible inventories (INI and YAML) as an inventory source: every host is a server, with its address, zone,
 * region and status from its variables ({@link #ZONE}, {@link #REGION}, {@link #STATUS}, {@code ansible_host}),
 * resolved as Ansible does: the {@code all} group, then parent groups, then child groups, then the host's own
 * inventory variables, then {@code host_vars/HOST.yml}. Imported configs then match these servers by name or
 * address, exactly as they match a native inventory.
 *
 * <p>{@code host_vars/} and {@code group_vars/} files are plain YAML maps, so they are recognised by their folder
 * (the one exception to detection by content).
 */
public final class AnsibleImporter implements Importer {
    /** Zone variables, first found wins. */
    static final List<String> ZONE = List.of("failscope_zone", "zone", "availability_zone", "az");
    static final List<String> REGION = List.of("failscope_region", "region", "aws_region");
    static final List<String> STATUS = List.of("failscope_status", "status");
    static final String ADDRESS = "ansible_host";

    private static final Pattern INI_SECTION = Pattern.compile("(?m)^\\s*\\[[^\\]\\s]+]\\s*$");
    private static final Pattern INI_SPECIAL = Pattern.compile("(?m)^\\s*\\[[^\\]]+:(vars|children)]\\s*$");

    @Override
    public String id() {
        return "ansible";
    }

    @Override
    public String label() {
        return "Ansible inventory (INI or YAML, host_vars/, group_vars/)";
    }

    /** Line-based, so an INI inventory's YAML syntax errors never matter; YAML inventories are detected too. */
    @Override
    public boolean lineBased() {
        return true;
    }

    @Override
    public boolean detect(SourceText source) {
        if (source.structured() || source.text().stripLeading().startsWith("---")) {
            return AnsibleInventory.isVarsFile(source.display()) && !source.maps().isEmpty()
                    || source.anyMap(AnsibleImporter::yamlInventory);
        }
        String text = source.text();
        if (INI_SPECIAL.matcher(text).find()) {
            return true;
        }
        return INI_SECTION.matcher(text).find() && hostLinesOnly(source)
                && !text.toLowerCase(Locale.ROOT).matches("(?s).*\\[\\s*server\\s*(default|\\d+)\\s*].*");
    }

    /** Every non-section, non-comment line is a host (with optional key=value pairs). */
    private static boolean hostLinesOnly(SourceText source) {
        boolean host = false;
        for (String l : source.lines()) {
            String t = l.strip();
            if (t.isEmpty() || t.startsWith("#") || t.startsWith(";") || t.startsWith("[")) {
                continue;
            }
            if (t.contains(" =") || t.contains("= ") || t.startsWith("=") || t.split("\\s+")[0].contains("=")) {
                return false;
            }
            host = true;
        }
        return host;
    }

    static boolean yamlInventory(PMap doc) {
        if (doc.get("kind").isPresent() || doc.entries().isEmpty()) {
            return false;
        }
        Optional<PNode> all = doc.get("all");
        if (all.isPresent()) {
            return all.get() instanceof PMap m && (m.get("hosts").isPresent() || m.get("children").isPresent());
        }
        return doc.entries().stream().allMatch(e -> e.value() instanceof PMap m
                && (m.get("hosts").isPresent() || m.get("children").isPresent()));
    }

    @Override
    public Session open(ImportContext context) {
        return new AnsibleSession(context);
    }

    private static final class AnsibleSession implements Session {
        private final ImportContext ctx;
        private final AnsibleInventory inventory = new AnsibleInventory();

        AnsibleSession(ImportContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void read(SourceText source, boolean forced) {
            if (AnsibleInventory.isVarsFile(source.display())) {
                source.maps().forEach(m -> inventory.readVarsFile(source.display(), m));
            } else if (source.structured() || source.text().stripLeading().startsWith("---")) {
                source.maps().stream().filter(AnsibleImporter::yamlInventory).forEach(inventory::readYaml);
            } else {
                inventory.readIni(source, ctx);
            }
        }

        @Override
        public void finish() {
            Map<String, List<String>> parents = new HashMap<>();
            inventory.groups.forEach((g, group) -> group.children.forEach(c -> parents
                    .computeIfAbsent(c, k -> new ArrayList<>()).add(g)));
            List<String> existing = ctx.sink().builder().servers().stream().map(Server::name).toList();
            inventory.hosts.forEach((name, host) -> {
                if (host.at != null && !existing.contains(name)) {
                    ctx.sink().builder().server(server(name, host, vars(name, host, parents)));
                }
            });
        }

        /** all, then groups by depth (parents before children, then by name), then host vars, then host_vars/. */
        private Map<String, Var> vars(String name, Host host, Map<String, List<String>> parents) {
            Map<String, Integer> depth = new LinkedHashMap<>();
            inventory.groups.forEach((g, group) -> {
                if (group.hosts.contains(name)) {
                    withAncestors(g, parents, depth, 0);
                }
            });
            Map<String, Var> out = new LinkedHashMap<>();
            Optional.ofNullable(inventory.groups.get("all")).ifPresent(a -> out.putAll(a.vars));
            depth.entrySet().stream().filter(e -> !e.getKey().equals("all"))
                    .sorted(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .forEach(e -> out.putAll(inventory.groups.get(e.getKey()).vars));
            out.putAll(host.vars);
            out.putAll(host.hostVars);
            return out;
        }

        /** Adds {@code g} and its ancestors with their depth (a group without parents is 1, its children 2...). */
        private int withAncestors(String g, Map<String, List<String>> parents, Map<String, Integer> depth, int guard) {
            if (depth.containsKey(g)) {
                return depth.get(g);
            }
            int d = 1;
            if (guard < 64) {
                for (String p : parents.getOrDefault(g, List.of())) {
                    if (!p.equals("all")) {
                        d = Math.max(d, withAncestors(p, parents, depth, guard + 1) + 1);
                    }
                }
            }
            depth.put(g, d);
            return d;
        }

        private Server server(String name, Host host, Map<String, Var> vars) {
            Map<String, SourcePosition> facts = new HashMap<>();
            facts.put("name", host.at);
            Optional<Var> address = Optional.ofNullable(vars.get(ADDRESS));
            address.ifPresent(a -> facts.put("address", a.at()));
            Optional<Var> zone = first(vars, ZONE);
            zone.ifPresent(z -> facts.put("zone", z.at()));
            Optional<Var> region = first(vars, REGION);
            region.ifPresent(r -> facts.put("region", r.at()));
            ServerStatus status = ServerStatus.ACTIVE;
            Optional<Var> s = first(vars, STATUS);
            if (s.isPresent()) {
                try {
                    status = ServerStatus.valueOf(s.get().text().trim().toUpperCase(Locale.ROOT));
                    facts.put("status", s.get().at());
                } catch (IllegalArgumentException e) {
                    ctx.error("status must be active, maintenance or decommissioned, got '" + s.get().text() + "'",
                            s.get().at());
                }
            }
            return new Server(name, host.at, address.map(Var::text).orElse(null), region.map(Var::text).orElse(null),
                    zone.map(Var::text).orElse(null), null, status, false, Map.of("source", "ansible"),
                    new Facts(facts));
        }

        private static Optional<Var> first(Map<String, Var> vars, List<String> keys) {
            return keys.stream().map(vars::get).filter(java.util.Objects::nonNull).findFirst();
        }
    }
}
