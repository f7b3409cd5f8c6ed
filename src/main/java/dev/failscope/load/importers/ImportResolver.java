package dev.failscope.load.importers;

import dev.failscope.model.Cluster;
import dev.failscope.model.Facts;
import dev.failscope.model.FailoverPolicy;
import dev.failscope.model.ManagerKind;
import dev.failscope.model.ManagerSpec;
import dev.failscope.model.Ref;
import dev.failscope.model.Replica;
import dev.failscope.model.Server;
import dev.failscope.model.ServerStatus;
import dev.failscope.model.SourcePosition;
import dev.failscope.model.TopologyBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The inventory cross-check: matches every server an importer declared to the native inventory (by name, or
 * by address: {@code host:port} where both have a port, else host), then writes the imported clusters and
 * policies into the builder with their references renamed to the inventory's names.
 *
 * <ul>
 *   <li>A matched server is the inventory's entry, with what the import knew filled into its blanks. Its
 *       inventory status applies; a status the import sets (a Terraform plan deleting it) applies when worse.
 *   <li>An unmatched server is declared from the import, unless an inventory says {@code authoritative: true}:
 *       then it is not declared, so every reference to it is missing, exactly like a native typo.
 *   <li>A host name matches an inventory name or address host that is the same name, or its fully qualified
 *       form ({@code db2} and {@code db2.prod.example.com}), when exactly one inventory server fits and its
 *       port, if any, agrees: MHA's {@code hostname=} and repmgr's {@code host=} are often short names.
 *   <li>An inventory server without a port is matched to at most one imported server by host alone: five
 *       instances on 127.0.0.1 ports 10000–10004 never merge into one inventory entry.
 *   <li>A reference to a server no import declared (Patroni {@code replicatefrom}, a Cloud SQL DR replica name)
 *       is matched to the inventory too, and otherwise dangles.
 * </ul>
 */
public final class ImportResolver {
    private final TopologyBuilder builder;
    private final List<Server> inventory;
    private final InventoryMatcher matcher;

    public ImportResolver(TopologyBuilder builder) {
        this.builder = builder;
        this.inventory = List.copyOf(builder.servers());
        this.matcher = new InventoryMatcher(inventory);
    }

    public void resolve(ImportedModel model) {
        resolve(model, Map.of());
    }

    /** Resolves, giving each imported policy the release of its manager named in {@code versions}. */
    public void resolve(ImportedModel model, Map<ManagerKind, String> versions) {
        boolean authoritative = builder.authoritativeInventory().isPresent();
        Map<String, String> rename = new HashMap<>();
        Map<Integer, String> claimed = new HashMap<>();
        for (Server imported : model.servers()) {
            Optional<Integer> match = match(imported.name(), imported.address())
                    .filter(i -> claimed.getOrDefault(i, imported.name()).equals(imported.name())
                            || inventory.get(i).name().equals(imported.name()));
            match.ifPresent(i -> claimed.putIfAbsent(i, imported.name()));
            if (match.isPresent()) {
                int index = match.get();
                Server current = builder.servers().get(index);
                builder.replaceServer(index, merge(current, imported));
                rename.put(imported.name(), current.name());
            } else if (!authoritative) {
                builder.server(imported);
            }
        }
        for (Cluster c : model.clusters()) {
            builder.cluster(rename(c, rename, model));
        }
        for (FailoverPolicy p : model.policies()) {
            ManagerSpec m = p.manager().renamed(n -> ref(new Ref(n, p.position()), rename, model).name());
            String v = versions.get(m.kind());
            if (v != null && m.version() == null) {
                m = m.withVersion(v, null);
            }
            builder.policy(p.withRefs(p.cluster(), refs(p.candidates(), rename, model),
                    refs(p.monitors(), rename, model)).withManager(m));
        }
    }

    private Optional<Integer> match(String name, String address) {
        return matcher.index(name, address);
    }

    private Cluster rename(Cluster c, Map<String, String> rename, ImportedModel model) {
        List<Replica> replicas = new ArrayList<>();
        for (Replica r : c.replicas()) {
            replicas.add(new Replica(ref(r.server(), rename, model),
                    r.source() == null ? null : ref(r.source(), rename, model), r.mode(), r.lag(), r.facts()));
        }
        return new Cluster(c.name(), c.position(), c.engine(), ref(c.primary(), rename, model), replicas,
                c.facts(), c.upstream());
    }

    private List<Ref> refs(List<Ref> refs, Map<String, String> rename, ImportedModel model) {
        return refs.stream().map(r -> ref(r, rename, model)).toList();
    }

    private Ref ref(Ref r, Map<String, String> rename, ImportedModel model) {
        String to = rename.get(r.name());
        if (to == null && !model.declares(r.name())) {
            to = match(r.name(), r.name()).map(i -> builder.servers().get(i).name()).orElse(null);
        }
        return to == null || to.equals(r.name()) ? r : new Ref(to, r.position());
    }

    /** The inventory entry, with the import's facts filled into its blanks and the worse status. */
    static Server merge(Server inv, Server imp) {
        Map<String, SourcePosition> facts = new LinkedHashMap<>(imp.facts().positions());
        facts.putAll(inv.facts().positions());
        ServerStatus status = inv.status();
        if (imp.status().ordinal() > inv.status().ordinal()) {
            status = imp.status();
            facts.put("status", imp.statusPosition());
        }
        Map<String, String> tags = new LinkedHashMap<>(imp.tags());
        tags.putAll(inv.tags());
        return new Server(inv.name(), inv.position(), first(inv.address(), imp.address()),
                first(inv.region(), imp.region()), first(inv.zone(), imp.zone()), first(inv.host(), imp.host()),
                status, inv.noFailover() || imp.noFailover(), tags, new Facts(facts));
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }
}
