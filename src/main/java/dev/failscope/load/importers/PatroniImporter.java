package dev.failscope.load.importers;

import dev.failscope.load.tree.PMap;
import dev.failscope.load.tree.PScalar;
import dev.failscope.model.Cluster;
import dev.failscope.model.Facts;
import dev.failscope.model.ManagerKind;
import dev.failscope.model.ManagerSpec;
import dev.failscope.model.Ref;
import dev.failscope.model.Replica;
import dev.failscope.model.ReplicationMode;
import dev.failscope.model.Server;
import dev.failscope.model.ServerStatus;
import dev.failscope.model.SourcePosition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Patroni member configurations (one YAML file per member). Members sharing {@code scope} and
 * {@code namespace} form one cluster, merged across files once all are read.
 */
public final class PatroniImporter implements Importer {
    static final String ENGINE = "postgresql";

    @Override
    public String id() {
        return "patroni";
    }

    @Override
    public String label() {
        return "Patroni member YAML (scope + postgresql/restapi)";
    }

    @Override
    public boolean detect(SourceText source) {
        return source.anyMap(PatroniImporter::isMember);
    }

    static boolean isMember(PMap m) {
        return m.value("scope") != null && (m.value("postgresql") != null || m.value("restapi") != null);
    }

    @Override
    public Session open(ImportContext context) {
        return new PatroniSession(context);
    }

    /** One member file, parsed. */
    private record Member(PMap doc, PScalar scope, String namespace, PScalar name, Optional<PScalar> address,
                          boolean noFailover, SourcePosition noFailoverAt, long priority,
                          Optional<PScalar> replicateFrom, boolean noSync, PatroniSettings settings,
                          Optional<PScalar> standbyHost, Optional<PScalar> standbyPort, Optional<PatroniDcs> dcs) {
        String key() {
            return namespace + "\u0000" + scope.text().trim();
        }
    }

    private static final class PatroniSession implements Session {
        private final ImportContext ctx;
        private final Tree tree;
        private final Map<String, List<Member>> clusters = new LinkedHashMap<>();

        PatroniSession(ImportContext ctx) {
            this.ctx = ctx;
            this.tree = new Tree(ctx, "Patroni");
        }

        @Override
        public void read(SourceText source, boolean forced) {
            boolean any = false;
            for (PMap doc : source.maps()) {
                if (isMember(doc) || forced) {
                    any = true;
                    member(doc).ifPresent(m -> clusters.computeIfAbsent(m.key(), k -> new ArrayList<>()).add(m));
                }
            }
            if (!any) {
                ctx.error("no Patroni member configuration (a map with 'scope' and 'postgresql') in this file",
                        source.start());
            }
        }

        private Optional<Member> member(PMap doc) {
            Optional<PScalar> scope = Tree.scalar(doc, "scope");
            Optional<PScalar> name = Tree.scalar(doc, "name");
            if (scope.isEmpty() || name.isEmpty()) {
                ctx.error("Patroni member configuration needs 'scope' and 'name'", doc.position());
                return Optional.empty();
            }
            String namespace = namespace(Tree.text(doc, "namespace").orElse("/service/"));
            Optional<Boolean> tag = PatroniTags.bool(doc, "tags", "nofailover");
            Optional<Long> priority = PatroniTags.integer(doc, "tags", "failover_priority");
            boolean knowsPriority = knowsFailoverPriority();
            boolean noFailover = PatroniTags.neverPromoted(tag, priority, knowsPriority);
            SourcePosition noFailoverAt = tag.isPresent() ? Tree.position(doc, "tags", "nofailover")
                    : Tree.position(doc, "tags", "failover_priority");
            Optional<PMap> dcs = Tree.map(doc, "bootstrap", "dcs");
            return Optional.of(new Member(doc, scope.get(), namespace, name.get(),
                    Tree.scalar(doc, "postgresql", "connect_address").or(() -> Tree.scalar(doc, "postgresql", "listen")
                            .filter(l -> routable(l.text()))), noFailover, noFailoverAt,
                    knowsPriority ? priority.orElse(1L) : 1L, Tree.scalar(doc, "tags", "replicatefrom"),
                    PatroniTags.bool(doc, "tags", "nosync").orElse(false), PatroniSettings.read(dcs, tree),
                    dcs.flatMap(d -> Tree.scalar(d, "standby_cluster", "host")),
                    dcs.flatMap(d -> Tree.scalar(d, "standby_cluster", "port")), PatroniDcs.read(doc)));
        }

        /** {@code failover_priority} arrived in Patroni 3.1: older releases ignore it. */
        private boolean knowsFailoverPriority() {
            return ManagerSpec.of(ManagerKind.PATRONI, ctx.version(ManagerKind.PATRONI), null).atLeast(3, 1);
        }

        @Override
        public void finish() {
            for (List<Member> members : clusters.values()) {
                cluster(members);
            }
        }

        private void cluster(List<Member> all) {
            List<Member> members = unique(all);
            Member first = members.get(0);
            String name = clusterName(first);
            for (Member m : members) {
                ctx.model().server(server(m));
            }
            Member leader = members.stream().filter(m -> !m.noFailover() && m.replicateFrom().isEmpty())
                    .findFirst().orElse(first);
            ctx.assumed("primary", "Patroni elects the leader of '" + name + "' at run time; Failscope assumes '"
                    + leader.name().text() + "' (the first member that may lead, in file order) is the primary",
                    name, leader.name().position());
            PatroniSettings settings = members.stream().map(Member::settings)
                    .filter(s -> !s.facts().isEmpty()).findFirst().orElse(first.settings());
            List<Replica> replicas = new ArrayList<>();
            List<Member> candidates = new ArrayList<>();
            for (Member m : members) {
                if (m == leader) {
                    continue;
                }
                boolean sync = settings.syncMode() && !m.noSync() && m.replicateFrom().isEmpty();
                Map<String, SourcePosition> facts = new HashMap<>();
                m.replicateFrom().ifPresent(r -> facts.put("source", r.position()));
                replicas.add(new Replica(ref(m.name()), m.replicateFrom().map(PatroniImporter::ref).orElse(null),
                        sync ? ReplicationMode.SYNC : ReplicationMode.ASYNC, null, new Facts(facts)));
                if (!m.noFailover()) {
                    candidates.add(m);
                }
            }
            if (settings.syncMode() && settings.syncModeAt() != null) {
                ctx.assumed("sync-standby", "Patroni picks the synchronous standby(s) of '" + name
                        + "' at run time; Failscope treats every member without nosync or replicatefrom as one",
                        name, settings.syncModeAt());
            }
            candidates.sort(Comparator.comparingLong(Member::priority).reversed());
            Ref upstream = first.standbyHost().map(h -> new Ref(Address.format(h.text().trim(),
                    first.standbyPort().map(p -> p.text().trim()).filter(p -> p.matches("\\d{1,5}"))
                            .map(Integer::valueOf).orElse(null)), h.position())).orElse(null);
            Map<String, SourcePosition> facts = new HashMap<>();
            facts.put("name", first.scope().position());
            facts.put("primary", leader.name().position());
            if (upstream != null) {
                facts.put("upstream", upstream.position());
            }
            Cluster cluster = new Cluster(name, first.scope().position(), ENGINE, ref(leader.name()), replicas,
                    new Facts(facts), upstream);
            ctx.model().cluster(cluster);
            if (!replicas.isEmpty()) {
                ctx.model().policy(settings.policy(cluster, candidates.stream().map(m -> ref(m.name())).toList(),
                        dcs(members, name), manager(members, first)));
            }
        }

        /** The DCS endpoints the members name (the first member that names any), declared as servers. */
        private List<Ref> dcs(List<Member> members, String cluster) {
            Optional<PatroniDcs> dcs = members.stream().map(Member::dcs).flatMap(Optional::stream)
                    .filter(d -> !d.endpoints().isEmpty()).findFirst();
            List<Ref> refs = new ArrayList<>();
            dcs.ifPresent(d -> d.endpoints().forEach(e -> {
                refs.add(new Ref(e.address(), e.at()));
                ctx.model().server(new Server(e.address(), e.at(), e.address(), null, null, null,
                        ServerStatus.ACTIVE, true, Map.of(), new Facts(Map.of("name", e.at(), "address", e.at()))));
            }));
            if (dcs.isPresent() && dcs.get().discovered()) {
                ctx.assumed("dcs", "Patroni discovers the " + dcs.get().kind() + " members of '" + cluster + "' from "
                        + dcs.get().endpoints().get(0).address() + " at run time; Failscope models the endpoints "
                        + "written (list every member under 'hosts' to model their majority)", cluster,
                        dcs.get().endpoints().get(0).at());
            }
            return refs;
        }

        /** Patroni, the release from --manager-version, and each member's failover tags as written. */
        private ManagerSpec manager(List<Member> members, Member first) {
            Map<String, Map<String, ManagerSpec.Setting>> tags = new LinkedHashMap<>();
            for (Member m : members) {
                Map<String, ManagerSpec.Setting> t = new LinkedHashMap<>();
                for (String key : List.of("failover_priority", "nofailover", "nosync", "replicatefrom")) {
                    Tree.at(m.doc(), "tags", key).filter(PScalar.class::isInstance).map(PScalar.class::cast)
                            .filter(s -> !s.isNull()).ifPresent(s -> t.put(key, new ManagerSpec.Setting(
                                    key.equals("nofailover") || key.equals("nosync") ? PatroniTags.truthy(s)
                                            : s.text().trim(), s.position())));
                }
                if (!t.isEmpty()) {
                    tags.put(m.name().text().trim(), t);
                }
            }
            return new ManagerSpec(ManagerKind.PATRONI, ctx.version(ManagerKind.PATRONI), first.scope().position(),
                    Map.of(), tags);
        }

        /** Members with distinct names; a second file with a taken name is an error. */
        private List<Member> unique(List<Member> all) {
            Map<String, Member> byName = new LinkedHashMap<>();
            for (Member m : all) {
                Member seen = byName.putIfAbsent(m.name().text(), m);
                if (seen != null) {
                    ctx.error("duplicate Patroni member name '" + m.name().text() + "' in scope '"
                            + m.scope().text() + "' (first at " + seen.name().position() + ")", m.name().position());
                }
            }
            return List.copyOf(byName.values());
        }

        /**
         * The namespace as Patroni builds its DCS path ({@code re.sub('/+', '/', '/'.join(['', namespace,
         * scope]))} in {@code AbstractDCS.__init__}): {@code /db/}, {@code /db} and {@code db} are one path.
         */
        static String namespace(String written) {
            return written.trim().replaceAll("/+", "/").replaceAll("^/|/$", "");
        }

        /** A listen address that names one host (not 0.0.0.0, *, :: or a list). */
        private static boolean routable(String listen) {
            String host = listen.trim().replaceFirst(":\\d+$", "");
            return !host.isEmpty() && !host.contains(",") && !host.equals("*") && !host.equals("0.0.0.0")
                    && !host.equals("::") && !host.equals("[::]");
        }

        private static String clusterName(Member m) {
            String ns = m.namespace().replaceAll("^/+|/+$", "");
            String scope = m.scope().text().trim();
            return ns.isEmpty() || "service".equals(ns) ? scope : ns + "/" + scope;
        }

        private static Server server(Member m) {
            Map<String, SourcePosition> facts = new HashMap<>();
            facts.put("name", m.name().position());
            m.address().ifPresent(a -> facts.put("address", a.position()));
            if (m.noFailover()) {
                facts.put("no-failover", m.noFailoverAt());
            }
            return new Server(m.name().text(), m.name().position(), m.address().map(a -> a.text().trim())
                    .orElse(null), null, null, null, ServerStatus.ACTIVE, m.noFailover(), Map.of(),
                    new Facts(facts));
        }
    }

    static Ref ref(PScalar s) {
        return new Ref(s.text().trim(), s.position());
    }
}
