package dev.failscope.load.importers;

import dev.failscope.load.tree.PMap;
import dev.failscope.load.tree.PNode;
import dev.failscope.load.tree.PScalar;
import dev.failscope.model.SourcePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The coordination store (DCS) a Patroni member config names: {@code etcd}/{@code etcd3} {@code host} or
 * {@code hosts} (a list or a comma-separated string), {@code zookeeper.hosts}, {@code consul.host},
 * {@code raft.partner_addrs} with {@code raft.self_addr}. Each endpoint becomes a server of the topology and a
 * monitor of the policy: the leader key lives there, and a primary that loses the majority demotes itself.
 *
 * @param kind      {@code etcd3}, {@code etcd}, {@code zookeeper}, {@code consul} or {@code raft}
 * @param endpoints {@code host:port} with the position that names it
 * @param discovered true when one discovery endpoint is named (etcd {@code host}): the members are found at
 *                   run time
 */
record PatroniDcs(String kind, List<Endpoint> endpoints, boolean discovered) {
    /** One DCS endpoint. */
    record Endpoint(String address, SourcePosition at) {}

    private static final List<String> KINDS = List.of("etcd3", "etcd", "zookeeper", "consul", "raft");

    static Optional<PatroniDcs> read(PMap doc) {
        for (String kind : KINDS) {
            Optional<PMap> m = Tree.map(doc, kind);
            if (m.isEmpty()) {
                continue;
            }
            int port = switch (kind) {
                case "zookeeper" -> 2181;
                case "consul" -> 8500;
                default -> 2379;
            };
            List<Endpoint> out = new ArrayList<>();
            boolean discovered = false;
            if (kind.equals("raft")) {
                Tree.scalar(m.get(), "self_addr").ifPresent(s -> add(out, s.text(), port, s.position()));
                hosts(m.get(), "partner_addrs", port, out);
            } else {
                hosts(m.get(), "hosts", port, out);
                if (out.isEmpty()) {
                    Optional<PScalar> host = Tree.scalar(m.get(), "host");
                    host.ifPresent(h -> add(out, h.text(), port, h.position()));
                    discovered = host.isPresent() && !kind.equals("consul");
                }
            }
            return Optional.of(new PatroniDcs(kind, out, discovered));
        }
        return Optional.empty();
    }

    private static void hosts(PMap m, String key, int port, List<Endpoint> out) {
        Optional<PNode> n = Tree.at(m, key);
        if (n.isEmpty()) {
            return;
        }
        if (n.get() instanceof PScalar s && !s.isNull()) {
            for (String h : s.text().split(",")) {
                add(out, h, port, s.position());
            }
        } else {
            for (PNode item : Tree.list(m, key)) {
                if (item instanceof PScalar s && !s.isNull()) {
                    add(out, s.text(), port, s.position());
                }
            }
        }
    }

    private static void add(List<Endpoint> out, String text, int port, SourcePosition at) {
        String h = text.trim().replaceFirst("^[a-z]+://", "").replaceFirst("/.*$", "");
        if (h.isEmpty()) {
            return;
        }
        String address = h.matches(".*:\\d{1,5}$") ? h : Address.format(h, port);
        if (out.stream().noneMatch(e -> e.address().equals(address))) {
            out.add(new Endpoint(address, at));
        }
    }
}
