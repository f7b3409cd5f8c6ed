package dev.failscope.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.load.LoadResult;
import dev.failscope.load.TopologyLoader;
import dev.failscope.model.Cluster;
import dev.failscope.model.FailoverPolicy;
import dev.failscope.model.Ref;
import dev.failscope.model.Replica;
import dev.failscope.model.Server;
import dev.failscope.model.Service;
import dev.failscope.model.Topology;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NativeWriterTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"src/test/resources/real-configs", "src/test/resources/terraform",
        "sample-topologies/catifyme", "sample-topologies/three-zone-healthy",
        "src/test/resources/real-configs/redis", "sample-topologies/catifyme-routed",
        "sample-topologies/catifyme-routed-fixed", "src/test/resources/routes/dangling",
        "docs/examples/observed/snapshot.yaml"})
    void exportedTopologyLoadsBackTheSame(String path) throws IOException {
        LoadResult first = new TopologyLoader().load(List.of(path));
        assertThat(first.errors()).isEmpty();
        Map<String, String> files = NativeWriter.write(first.topology());
        for (Map.Entry<String, String> f : files.entrySet()) {
            Files.writeString(tmp.resolve(f.getKey()), f.getValue());
        }
        LoadResult second = new TopologyLoader().load(List.of(tmp.toString()));
        assertThat(second.errors()).isEmpty();
        assertThat(second.topology().unknownKeys()).isEmpty();
        assertThat(shape(second.topology())).isEqualTo(shape(first.topology()));
        assertThat(NativeWriter.write(first.topology())).isEqualTo(files);
    }

    /** Everything but positions and facts. */
    static String shape(Topology t) {
        StringBuilder sb = new StringBuilder();
        for (Server s : t.servers()) {
            sb.append("server ").append(List.of(s.name(), "" + s.address(), "" + s.region(), "" + s.zone(),
                    "" + s.host(), s.status(), s.noFailover(), new java.util.TreeMap<>(s.tags()))).append('\n');
            t.observation(s.name()).ifPresent(o -> sb.append("  observed ").append(java.util.Arrays.asList(o.role(),
                    o.state(), o.timeline(), o.lsn(), o.lagBytes(), o.sync(), o.offset(), o.priority(), o.at()))
                    .append('\n'));
        }
        for (Cluster c : t.clusters()) {
            sb.append("cluster ").append(c.name()).append(' ').append(c.engine()).append(' ')
                    .append(c.primary().name()).append(' ').append(c.upstreamOpt().map(Ref::name).orElse("-"));
            for (Replica r : c.replicas()) {
                sb.append(" [").append(r.server().name()).append(' ').append(r.sourceOpt().map(Ref::name)
                        .orElse("-")).append(' ').append(r.mode()).append(' ').append(r.lag()).append(']');
            }
            sb.append('\n');
        }
        for (FailoverPolicy p : t.policies()) {
            sb.append("policy ").append(List.of(p.cluster().name(), names(p.candidates()), p.detection(),
                    p.attemptTimeout(), "" + p.maxLag(), p.requireSync(), p.sameRegionOnly(), "" + p.maxLagBytes(),
                    "" + p.syncCount(), p.strictSync(), "" + p.quorum(), names(p.monitors()))).append('\n');
        }
        for (Service s : t.services()) {
            sb.append("service ").append(s.name()).append(' ').append(s.dependsOn().stream()
                    .map(d -> d.kind() + ":" + d.label() + (d.via() == null ? "" : " via " + d.via().name()))
                    .toList()).append('\n');
        }
        for (dev.failscope.model.Route r : t.routes()) {
            sb.append("route ").append(List.of(r.name(), r.kind(), "" + r.clusterOpt().map(Ref::name).orElse("-"),
                    r.access(), r.follow(), "" + r.checkOpt().map(c -> List.of(c.method(), "" + c.path(),
                    "" + c.port(), c.interval(), c.fall(), c.rise())).orElse(null), "" + r.listen(),
                    r.targets().stream().map(x -> x.written().name() + "=" + x.server() + "/" + x.route() + "/"
                            + x.cluster() + (x.backup() ? " backup" : "")).toList(), names(r.clients())))
                    .append('\n');
        }
        t.authoritativeInventory().ifPresent(p -> sb.append("authoritative\n"));
        return sb.toString();
    }

    private static List<String> names(List<Ref> refs) {
        return refs.stream().map(Ref::name).toList();
    }
}
