package dev.failscope.ui.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.analysis.RuleCatalog;
import dev.failscope.layout.Fleets;
import dev.failscope.model.Cluster;
import dev.failscope.model.Finding;
import dev.failscope.model.Node;
import dev.failscope.model.Severity;
import dev.failscope.model.Topology;
import java.util.List;
import org.junit.jupiter.api.Test;

class SceneFilterTest {
    private static final Topology FLEET = Fleets.fleet(40, 2);
    private static final List<Finding> FINDINGS = RuleCatalog.standard().check(FLEET);

    private static List<String> clusters(SceneFilter f) {
        return f.select(FLEET, FINDINGS).topology().clusters().stream().map(Cluster::name).sorted().toList();
    }

    @Test
    void noFilterIsTheTopologyItself() {
        SceneFilter.Selection s = SceneFilter.NONE.select(FLEET, FINDINGS);
        assertThat(s.topology()).isSameAs(FLEET);
        assertThat(s.describe()).isEmpty();
    }

    @Test
    void onlyWithFindingsKeepsTheClustersWithADecommissionedOrMissingCandidate() {
        // every 11th cluster fails over to a decommissioned server, every 13th also lists a missing one
        List<String> expected = java.util.stream.IntStream.range(0, 40).filter(c -> c % 11 == 0 || c % 13 == 0)
                .mapToObj(c -> String.format("c%05d", c)).toList();
        SceneFilter.Selection s = SceneFilter.NONE.withOnlyFindings(true).select(FLEET, FINDINGS);
        assertThat(s.topology().clusters().stream().map(Cluster::name).sorted().toList()).isEqualTo(expected);
        assertThat(s.describe()).startsWith("showing " + expected.size() + " of 40 clusters (");
        // the decommissioned candidates stay, so the red failover arrows still end at a box, not a ghost
        assertThat(s.topology().server("c00011-old")).isPresent();
        assertThat(s.topology().graph().vertexSet().stream().filter(Node::missing).map(Node::name).sorted())
                .containsExactly("c00000-gone", "c00013-gone", "c00026-gone", "c00039-gone");
    }

    @Test
    void severityAndRuleNarrowIt() {
        String rule = FINDINGS.stream().filter(f -> f.subject().equals("c00013") || "c00013".equals(f.target()))
                .filter(f -> f.target() != null && f.target().endsWith("-gone")).map(Finding::rule).findFirst()
                .orElseThrow();
        List<String> byRule = clusters(SceneFilter.NONE.withRule(rule));
        assertThat(byRule).contains("c00013", "c00026").doesNotContain("c00011", "c00001");
        assertThat(clusters(SceneFilter.NONE.withSeverity(Severity.ERROR)))
                .isSubsetOf(clusters(SceneFilter.NONE.withSeverity(Severity.INFO)));
        assertThat(clusters(SceneFilter.NONE.withRule("no-such-rule"))).isEmpty();
    }

    @Test
    void zoneServiceAndFileSelectByPlaceUseAndDeclaration() {
        List<String> zone = clusters(SceneFilter.NONE.withZone("eu-west-1a"));
        assertThat(zone).isNotEmpty().allSatisfy(c -> assertThat(FLEET.cluster(c).orElseThrow().members().stream()
                .anyMatch(m -> "eu-west-1a".equals(FLEET.server(m.name()).orElseThrow().zone()))).isTrue());
        assertThat(zone).doesNotContain("c00001"); // us-east-1
        SceneFilter.Selection svc = SceneFilter.NONE.withService("svc0001").select(FLEET, FINDINGS);
        assertThat(svc.topology().clusters().stream().map(Cluster::name)).containsExactly("c00010", "c00011",
                "c00012");
        assertThat(svc.topology().services()).extracting(s -> s.name()).contains("svc0001");
        assertThat(clusters(SceneFilter.NONE.withFile("nowhere.yaml"))).isEmpty();
        assertThat(clusters(SceneFilter.NONE.withZone("eu-west-1a").withOnlyFindings(true)))
                .isSubsetOf(zone).isSubsetOf(clusters(SceneFilter.NONE.withOnlyFindings(true)));
    }

    @Test
    void aKeptServiceShowsOnlyItsKeptDependencies() {
        SceneFilter.Selection s = SceneFilter.NONE.withOnlyFindings(true).select(FLEET, FINDINGS);
        s.topology().services().forEach(svc -> assertThat(svc.dependsOn()).allSatisfy(d ->
                assertThat(s.topology().cluster(d.target().name())).isPresent()));
    }

    @Test
    void teamRoutesAndGhosts(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        java.nio.file.Path dir = tmp.resolve("t");
        java.nio.file.Files.createDirectories(dir);
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("sample-topologies/catifyme"))) {
            for (var f : files.toList()) {
                java.nio.file.Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        java.nio.file.Files.writeString(dir.resolve("route.yaml"), """
                kind: route
                name: haproxy-catify-rw
                software: haproxy
                serves: catify-main
                access: write
                follows: health-check
                check: {method: http, path: /primary, port: 8008, interval: 3s, fall: 3, rise: 2}
                listen: "*:5000"
                targets:
                  - db-main-1
                  - db-replica-1
                clients: [cat-posting]
                """);
        java.nio.file.Files.writeString(dir.resolve("other.yaml"), """
                kind: inventory
                servers:
                  - {name: other-1, region: eu-1, zone: eu-1a, tags: {team: search}}
                  - {name: other-2, region: eu-1, zone: eu-1b, tags: {team: search}}
                ---
                kind: cluster
                name: other
                engine: postgresql
                primary: other-1
                replicas: [{server: other-2, mode: async}]
                """);
        var inspection = new dev.failscope.analysis.Inspector().inspect(List.of(dir.toString()));
        assertThat(inspection.errors()).isEmpty();
        Topology t = inspection.topology();
        assertThat(t.routes()).hasSize(1);
        SceneFilter.Selection withFindings = SceneFilter.NONE.withRule("failover-target-decommissioned").select(t, inspection.findings());
        assertThat(withFindings.topology().clusters()).extracting(Cluster::name).containsExactly("catify-main");
        assertThat(withFindings.topology().routes()).extracting(r -> r.name()).containsExactly("haproxy-catify-rw");
        assertThat(withFindings.topology().graph().vertexSet()).noneMatch(Node::missing);

        SceneFilter.Selection search = SceneFilter.NONE.withTeam("search").select(t, inspection.findings());
        assertThat(search.topology().clusters()).extracting(Cluster::name).containsExactly("other");
        assertThat(search.topology().routes()).isEmpty();
        assertThat(search.topology().services()).isEmpty();
        assertThat(search.topology().graph().vertexSet()).noneMatch(Node::missing);
        assertThat(SceneFilter.NONE.withTeam("data-platform").select(t, inspection.findings()).topology().clusters())
                .extracting(Cluster::name).containsExactly("catify-main");
    }
}
