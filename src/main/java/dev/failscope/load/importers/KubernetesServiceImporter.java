package dev.failscope.load.importers;

import dev.failscope.load.tree.PMap;
import dev.failscope.load.tree.PNode;
import dev.failscope.load.tree.PScalar;
import dev.failscope.model.Access;
import dev.failscope.model.Facts;
import dev.failscope.model.Follow;
import dev.failscope.model.Ref;
import dev.failscope.model.Route;
import dev.failscope.model.RouteKind;
import dev.failscope.model.RouteTarget;
import dev.failscope.model.SourcePosition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Kubernetes {@code Service}, {@code Endpoints} and {@code EndpointSlice} objects in front of databases:
 *
 * <ul>
 *   <li>a selector on {@code cnpg.io/cluster} (CloudNativePG) reaches that cluster, its primary with
 *       {@code cnpg.io/instanceRole: primary} (or the older {@code role: primary}), its replicas with
 *       {@code replica}, any instance without a role; the operator keeps the labels on the right pods
 *       ({@link Follow#MANAGER});
 *   <li>a selector on {@code spilo-role} (Zalando/Spilo, with {@code cluster-name}) likewise: {@code master} is the
 *       primary, Patroni relabels the pods;
 *   <li>a Service without a selector takes the addresses of its {@code Endpoints} or {@code EndpointSlice}s
 *       (fixed hosts, {@link Follow#NONE}), unless those carry Spilo's labels (Patroni writes the Endpoints);
 *   <li>an {@code ExternalName} Service is a fixed host.
 * </ul>
 * Services that select other pods (a web application's) are not routes to a database and are left alone. A
 * route listens on {@code NAME:PORT}, so a connection string naming the Service ({@code pg-main-rw:5432},
 * {@code pg-main-rw.prod.svc.cluster.local:5432}) goes through it.
 */
public final class KubernetesServiceImporter implements Importer {
    @Override
    public String id() {
        return "kubernetes-service";
    }

    @Override
    public String label() {
        return "Kubernetes Service/Endpoints/EndpointSlice in front of a database";
    }

    @Override
    public boolean detect(SourceText source) {
        return source.anyMap(KubernetesServiceImporter::relevant);
    }

    /** A Service selecting database pods, an ExternalName Service, or Endpoints/EndpointSlice. */
    static boolean relevant(PMap d) {
        if (d.get("apiVersion").isEmpty()) {
            return false;
        }
        String kind = Tree.text(d, "kind").orElse("");
        if (kind.equals("Endpoints") || kind.equals("EndpointSlice")) {
            return true;
        }
        if (!kind.equals("Service")) {
            return false;
        }
        Optional<PMap> sel = Tree.map(d, "spec", "selector");
        return sel.isPresent() && (sel.get().get("cnpg.io/cluster").isPresent()
                || sel.get().get("spilo-role").isPresent())
                || Tree.text(d, "spec", "type").map("ExternalName"::equals).orElse(false)
                || sel.isEmpty() || sel.get().entries().isEmpty();
    }

    /** A Service without selector, waiting for its endpoints. */
    private record Bare(SourceText source, PMap doc, PScalar name, String namespace) {}

    /** Addresses of an Endpoints or EndpointSlice object, with Spilo's labels if any. */
    private record Addresses(String service, String namespace, List<Ref> hosts, Optional<String> spiloCluster,
                             String spiloRole, SourcePosition at, SourceText source) {}

    @Override
    public Session open(ImportContext context) {
        List<Bare> bare = new ArrayList<>();
        List<Addresses> endpoints = new ArrayList<>();
        return new Session() {
            @Override
            public void read(SourceText source, boolean forced) {
                List<PMap> docs = source.maps().stream().filter(KubernetesServiceImporter::relevant).toList();
                if (docs.isEmpty() && forced) {
                    context.error("no Kubernetes Service, Endpoints or EndpointSlice in front of a database in "
                            + "this file", source.start());
                }
                for (PMap d : docs) {
                    String kind = Tree.text(d, "kind").orElse("");
                    Optional<PScalar> name = Kubernetes.name(d, kind, context);
                    if (name.isEmpty()) {
                        continue;
                    }
                    String ns = Tree.text(d, "metadata", "namespace").orElse("default");
                    if (kind.equals("Service")) {
                        service(d, name.get(), ns, source, context).ifPresent(bare::add);
                    } else {
                        endpoints.add(addresses(d, kind, name.get(), ns, source));
                    }
                }
            }

            @Override
            public void finish() {
                for (Bare b : bare) {
                    List<Addresses> mine = endpoints.stream().filter(e -> e.service().equals(b.name().text())
                            && e.namespace().equals(b.namespace())).toList();
                    endpointRoute(b.source(), b.name().text(), b.name().position(), listen(b.doc(),
                            b.name().text()), mine, context);
                    endpoints.removeAll(mine);
                }
                for (Addresses e : endpoints) {
                    endpointRoute(e.source(), e.service(), e.at(), null, List.of(e), context);
                }
            }
        };
    }

    private static Optional<Bare> service(PMap d, PScalar name, String ns, SourceText source, ImportContext ctx) {
        Optional<PMap> sel = Tree.map(d, "spec", "selector");
        String listen = listen(d, name.text());
        Map<String, SourcePosition> facts = new LinkedHashMap<>();
        Tree.at(d, "spec", "selector").ifPresent(s -> facts.put("selector", s.position()));
        Optional<PScalar> external = Tree.scalar(d, "spec", "externalName");
        if (Tree.text(d, "spec", "type").map("ExternalName"::equals).orElse(false) && external.isPresent()) {
            Integer port = firstPort(d);
            facts.put("externalName", external.get().position());
            add(source, name, listen, Access.WRITE, Follow.NONE, List.of(RouteTarget.host(new Ref(
                    Address.format(external.get().text().strip(), port), external.get().position()))), facts, ctx);
            return Optional.empty();
        }
        if (sel.isEmpty() || sel.get().entries().isEmpty()) {
            return Optional.of(new Bare(source, d, name, ns));
        }
        Optional<PScalar> cnpg = Tree.scalar(sel.get(), "cnpg.io/cluster");
        Optional<PScalar> spilo = Tree.scalar(sel.get(), "spilo-role");
        String role;
        Optional<PScalar> cluster;
        if (cnpg.isPresent()) {
            role = Tree.text(sel.get(), "cnpg.io/instanceRole").or(() -> Tree.text(sel.get(), "role")).orElse("");
            cluster = cnpg;
        } else {
            role = spilo.map(PScalar::text).orElse("");
            cluster = Tree.scalar(sel.get(), "cluster-name");
            if (cluster.isEmpty()) {
                ctx.finding("route-none", dev.failscope.model.Severity.INFO, "Service '" + name.text()
                        + "' selects Spilo pods by spilo-role but names no cluster-name: which cluster it reaches "
                        + "is unknown, so no route is read from it", name.text(), null, sel.get().position());
                return Optional.empty();
            }
        }
        boolean primary = role.equals("primary") || role.equals("master");
        String c = cluster.get().text().strip();
        add(source, name, listen, primary ? Access.WRITE : Access.READ, Follow.MANAGER, List.of(new RouteTarget(
                new Ref(c, cluster.get().position()), null, null, c, false, !primary && !role.isEmpty())), facts,
                ctx);
        return Optional.empty();
    }

    private static Addresses addresses(PMap d, String kind, PScalar name, String ns, SourceText source) {
        List<Ref> hosts = new ArrayList<>();
        String service = name.text();
        if (kind.equals("EndpointSlice")) {
            service = Tree.text(d, "metadata", "labels", "kubernetes.io/service-name").orElse(service);
            Integer port = firstPortOf(Tree.list(d, "ports"));
            for (PNode e : Tree.list(d, "endpoints")) {
                for (PNode a : Tree.list(e, "addresses")) {
                    if (a instanceof PScalar s && !s.isNull()) {
                        hosts.add(new Ref(Address.format(s.text().strip(), port), s.position()));
                    }
                }
            }
        } else {
            for (PNode subset : Tree.list(d, "subsets")) {
                Integer port = firstPortOf(Tree.list(subset, "ports"));
                for (PNode a : Tree.list(subset, "addresses")) {
                    Tree.scalar(a, "ip").ifPresent(ip -> hosts.add(new Ref(Address.format(ip.text().strip(), port),
                            ip.position())));
                }
            }
        }
        Optional<String> spilo = Tree.text(d, "metadata", "labels", "cluster-name")
                .filter(c -> Tree.text(d, "metadata", "labels", "spilo-role").isPresent()
                        || Tree.text(d, "metadata", "labels", "application").map("spilo"::equals).orElse(false));
        String role = Tree.text(d, "metadata", "labels", "spilo-role").orElse("master");
        return new Addresses(service, ns, hosts, spilo, role, name.position(), source);
    }

    private static void endpointRoute(SourceText source, String service, SourcePosition at, String listen,
                                      List<Addresses> found, ImportContext ctx) {
        Map<String, SourcePosition> facts = new LinkedHashMap<>();
        Optional<Addresses> spilo = found.stream().filter(a -> a.spiloCluster().isPresent()).findFirst();
        PScalar name = new PScalar(service, dev.failscope.load.tree.ScalarType.STRING, at);
        if (spilo.isPresent()) {
            String c = spilo.get().spiloCluster().get();
            boolean primary = spilo.get().spiloRole().equals("master");
            facts.put("endpoints", spilo.get().at());
            add(source, name, listen, primary ? Access.WRITE : Access.READ, Follow.MANAGER, List.of(new RouteTarget(
                    new Ref(c, spilo.get().at()), null, null, c, false, !primary)), facts, ctx);
            return;
        }
        List<RouteTarget> targets = new ArrayList<>();
        found.forEach(a -> {
            facts.putIfAbsent("endpoints", a.at());
            a.hosts().forEach(h -> targets.add(RouteTarget.host(h)));
        });
        if (targets.isEmpty()) {
            ctx.finding("route-none", dev.failscope.model.Severity.INFO, "Service '" + service + "' has no "
                    + "selector and no Endpoints or EndpointSlice with addresses in the files loaded: where it "
                    + "sends clients is unknown", service, null, at);
            return;
        }
        add(source, name, listen, RouteNames.access(service), Follow.NONE, targets, facts, ctx);
    }

    private static void add(SourceText source, PScalar name, String listen, Access access, Follow follow,
                            List<RouteTarget> targets, Map<String, SourcePosition> facts, ImportContext ctx) {
        String route = RouteNames.unique(ctx.sink().builder(), source.display(), name.text());
        RouteNames.add(ctx, new Route(route, name.position(), RouteKind.KUBERNETES_SERVICE, List.of(), null, access,
                targets, follow, null, listen, new Facts(facts)));
    }

    private static String listen(PMap d, String name) {
        Integer port = firstPort(d);
        return port == null ? null : Address.format(name, port);
    }

    private static Integer firstPort(PMap d) {
        return firstPortOf(Tree.list(d, "spec", "ports"));
    }

    private static Integer firstPortOf(List<PNode> ports) {
        for (PNode p : ports) {
            Optional<String> port = Tree.text(p, "port");
            if (port.isPresent() && port.get().matches("\\d{1,5}")) {
                return Integer.valueOf(port.get());
            }
        }
        return null;
    }
}
