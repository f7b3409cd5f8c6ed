package dev.failscope.scene;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.analysis.Inspection;
import dev.failscope.analysis.Inspector;
import dev.failscope.diff.ChangeType;
import dev.failscope.layout.Box;
import dev.failscope.layout.Fleets;
import dev.failscope.layout.TopologyLayout;
import dev.failscope.model.Node;
import dev.failscope.model.ReplicationMode;
import dev.failscope.model.ServerStatus;
import dev.failscope.model.Topology;
import dev.failscope.simulation.FailureScenario;
import dev.failscope.simulation.Simulation;
import dev.failscope.simulation.Simulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The scene, tested once for every backend: the CatifyMe sample at every step of losing db-main-1, the fixed
 * sample's failover, diff mode, each level of detail, collapse and culling.
 */
class SceneBuilderTest {
    private static final Inspection CATIFYME = new Inspector().inspect(List.of("sample-topologies/catifyme"));
    private static final SceneModel MODEL = model(CATIFYME);

    private static SceneModel model(Inspection i) {
        return new SceneModel(i.topology(), TopologyLayout.layout(i.topology()), i.findings());
    }

    private static Scene still(SceneModel m, SceneState state) {
        return SceneBuilder.build(m, SceneView.still(state));
    }

    private static Simulation lose(Inspection i, String server) {
        return new Simulator(i.topology()).run(FailureScenario.servers(server));
    }

    private static List<Item.Text> texts(Group g) {
        return g.items().stream().filter(i -> i instanceof Item.Text).map(i -> (Item.Text) i).toList();
    }

    /** Two texts cover each other: overlapping boxes, shrunk a little so touching is allowed. */
    private static boolean overlap(Item.Text a, Item.Text b) {
        Box x = a.bounds();
        Box y = b.bounds();
        return new Box(x.x() + 1, x.y() + 1, x.width() - 2, x.height() - 2).overlaps(
                new Box(y.x() + 1, y.y() + 1, y.width() - 2, y.height() - 2));
    }

    /**
     * No label covers another: across all groups, except a state group over its own element's second line
     * (it paints a plate over that line and lays it out again with the state tag first).
     */
    private static void assertNoLabelCoversAnother(Scene scene) {
        List<Group> groups = scene.groups().stream().filter(g -> g.layer() != Layer.SELECTION).toList();
        List<String> clashes = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            for (int j = i + 1; j < groups.size(); j++) {
                Group a = groups.get(i);
                Group b = groups.get(j);
                boolean own = a.name().equals(b.name()) && (a.layer() == Layer.STATES || b.layer() == Layer.STATES);
                if (own) {
                    continue;
                }
                for (Item.Text x : texts(a)) {
                    for (Item.Text y : texts(b)) {
                        if (overlap(x, y)) {
                            clashes.add("'" + x.text() + "' (" + a.kind() + " " + a.name() + ") covers '" + y.text()
                                    + "' (" + b.kind() + " " + b.name() + ")");
                        }
                    }
                }
            }
        }
        assertThat(clashes).isEmpty();
    }

    @Test
    void everyStepOfLosingTheCatifyMePrimaryMarksWhatHappenedWithoutCoveringALabel() {
        Simulation sim = lose(CATIFYME, "db-main-1");
        int n = sim.timeline().events().size();
        assertThat(n).isGreaterThan(3);
        boolean sawTrying = false;
        boolean sawSkipped = false;
        for (int k = 0; k <= n; k++) {
            SceneState state = SceneState.of(sim.step(k));
            Scene scene = still(MODEL, state);
            assertNoLabelCoversAnother(scene);
            List<String> legacy = scene.texts("db-legacy-2");
            assertThat(legacy.contains(Tags.TRYING) && legacy.contains(Tags.SKIPPED))
                    .as("step %d: never trying and skipped at once", k).isFalse();
            sawTrying |= legacy.contains(Tags.TRYING);
            sawSkipped |= legacy.contains(Tags.SKIPPED);
            assertThat(scene.texts("db-main-1").contains(Tags.FAILED)).as("step %d", k)
                    .isEqualTo(state.failed().contains("db-main-1"));
            if (k == 0) {
                assertThat(scene.groups(Layer.STATES)).isEmpty();
            }
        }
        assertThat(sawTrying).as("db-legacy-2 is tried").isTrue();
        assertThat(sawSkipped).as("and then given up on").isTrue();
        Scene end = still(MODEL, SceneState.of(sim.step(n)));
        assertThat(end.texts("catify-main")).contains(Tags.NO_PRIMARY);
        assertThat(end.texts("cat-posting")).contains("✖ down");
        assertThat(end.texts("db-legacy-2")).contains(Tags.SKIPPED, "✖ decommissioned");
        Group failed = end.about("db-main-1").filter(g -> g.mark().equals("failed")).findFirst().orElseThrow();
        assertThat(failed.items().stream().filter(i -> i instanceof Item.Line l && l.stroke() == Style.DANGER
                && l.width() == 3)).as("crossed out").hasSize(2);
    }

    @Test
    void theFixedSampleFailsOverOntoReducedRedundancyAndSaysSo() {
        Inspection fixed = new Inspector().inspect(List.of("sample-topologies/catifyme-fixed"));
        Simulation sim = lose(fixed, "db-main-1");
        Scene end = still(model(fixed), SceneState.of(sim.step(sim.timeline().events().size())));
        assertThat(end.texts("catify-main")).contains(Tags.DEGRADED).doesNotContain(Tags.NO_PRIMARY);
        assertThat(end.texts("db-replica-1")).contains(Tags.PROMOTED);
        assertNoLabelCoversAnother(end);
    }

    @Test
    void theConfiguredPictureShowsEveryEncoding() {
        Scene s = still(MODEL, SceneState.NONE);
        assertNoLabelCoversAnother(s);
        assertThat(s.texts("db-legacy-2")).contains("db-legacy-2", "decommissioned", "✖");
        assertThat(s.texts("catify-main")).contains("catify-main");
        Group legacy = s.about("db-legacy-2").filter(g -> g.layer() == Layer.NODES).findFirst().orElseThrow();
        assertThat(legacy.items()).anyMatch(i -> i instanceof Item.Hatch);
        assertThat(legacy.element()).matches("n\\d+");
        List<Group> failover = s.groups(Layer.EDGES).filter(g -> g.kind().equals("edge failover")).toList();
        assertThat(failover).isNotEmpty().allSatisfy(g -> assertThat(g.items()).allMatch(i ->
                i instanceof Item.Line l && !l.dash().solid() && l.arrow() > 0));
        assertThat(s.groups(Layer.LABELS).flatMap(g -> g.texts().stream())).contains("✖ 1")
                .anyMatch(t -> t.startsWith("async · lag"));
        assertThat(s.groups(Layer.LANES).map(Group::name)).contains("us-west-2 / us-west-2a");
    }

    @Test
    void findingBadgesShowAtEveryLevelOfDetail() {
        for (double scale : new double[] {1, 0.3, 0.1}) {
            Scene s = SceneBuilder.build(MODEL, SceneView.at(scale));
            assertThat(s.texts("db-legacy-2")).as("scale %s (%s)", scale, s.detail()).contains("✖");
            assertThat(s.texts("catify-main")).as("scale %s", scale).anyMatch(t -> t.startsWith("✖"));
        }
        assertThat(Detail.at(0.3)).isEqualTo(Detail.NAMES);
        assertThat(Detail.at(0.1)).isEqualTo(Detail.OVERVIEW);
        Scene names = SceneBuilder.build(MODEL, SceneView.at(0.3));
        Item.Text badge = names.about("db-legacy-2").flatMap(g -> texts(g).stream())
                .filter(t -> t.text().equals("✖")).findFirst().orElseThrow();
        assertThat(badge.size() * 0.3).as("the badge keeps its size on screen").isGreaterThanOrEqualTo(10.9);
    }

    @Test
    void namesOnlyShowsNamesAndNoEdgeLabels() {
        Scene s = SceneBuilder.build(MODEL, SceneView.at(0.3));
        assertThat(s.groups(Layer.LABELS)).isEmpty();
        assertThat(s.texts("db-replica-1")).singleElement().satisfies(t -> assertThat(t).startsWith("db-")
                .endsWith("-1"));
    }

    @Test
    void overviewDrawsClustersAsBoxesColouredByWorstFindingAndOutcomeNotServers() {
        Simulation sim = lose(CATIFYME, "db-main-1");
        SceneView view = SceneView.at(0.1).withState(SceneState.of(sim.step(sim.timeline().events().size())));
        Scene s = SceneBuilder.build(MODEL, view);
        assertThat(s.detail()).isEqualTo(Detail.OVERVIEW);
        assertThat(s.about("db-main-1").filter(g -> g.layer() == Layer.NODES)).as("members are not drawn").isEmpty();
        assertThat(s.about("db-replica-1")).isEmpty();
        Group cluster = s.about("catify-main").filter(g -> g.layer() == Layer.CLUSTERS).findFirst().orElseThrow();
        assertThat(cluster.items()).anyMatch(i -> i instanceof Item.Rect r && r.stroke() == Style.DANGER);
        Group down = s.about("catify-main").filter(g -> g.mark().equals("down")).findFirst().orElseThrow();
        assertThat(down.items()).anyMatch(i -> i instanceof Item.Rect r && r.fill() == Style.DANGER_SOFT);
        assertThat(s.groups(Layer.EDGES)).allMatch(g -> g.kind().equals("edge failover")
                || g.kind().startsWith("state"));
    }

    @Test
    void collapsedClustersZonesAndRegionsHideWhatTheyHold() {
        SceneView full = SceneView.still(SceneState.NONE);
        Scene cluster = SceneBuilder.build(MODEL, full.withCollapsed(Set.of(Collapse.cluster("catify-main"))));
        assertThat(cluster.about("db-main-1")).isEmpty();
        assertThat(cluster.about("db-replica-1")).isEmpty();
        assertThat(cluster.texts("catify-main")).anyMatch(t -> t.contains("2 servers (collapsed)"));
        assertThat(cluster.texts("db-legacy-2")).as("outside the box, still drawn").contains("db-legacy-2");
        assertThat(cluster.groups(Layer.EDGES).map(Group::name)).noneMatch(n -> n.contains("db-main-1"));

        Scene zone = SceneBuilder.build(MODEL, full.withCollapsed(Set.of(Collapse.zone("us-west-2", "us-west-2c"))));
        assertThat(zone.about("db-legacy-2")).isEmpty();
        Group lane = zone.groups(Layer.LANES).filter(g -> g.name().equals("us-west-2 / us-west-2c")).findFirst()
                .orElseThrow();
        assertThat(lane.mark()).isEqualTo("collapsed");
        assertThat(lane.texts()).contains("▸ 1 server");
        assertThat(lane.texts()).contains("✖");

        Scene region = SceneBuilder.build(MODEL, full.withCollapsed(Set.of(Collapse.region("us-west-2"))));
        assertThat(region.about("db-main-1")).isEmpty();
        assertThat(region.about("db-legacy-2")).isEmpty();
        assertThat(region.about("cat-posting")).as("services sit above the lanes").isNotEmpty();
    }

    @Test
    void onlyWhatMeetsTheVisibleRectangleIsBuilt() {
        Box legacy = MODEL.layout().box(Node.server("db-legacy-2")).orElseThrow().box();
        Scene s = SceneBuilder.build(MODEL, SceneView.still(SceneState.NONE).withVisible(legacy));
        assertThat(s.about("db-legacy-2")).isNotEmpty();
        assertThat(s.about("cat-commenting")).isEmpty();
        assertThat(s.groups().size()).isLessThan(still(MODEL, SceneState.NONE).groups().size());
    }

    @Test
    void diffModeMarksAddedChangedAndRemovedAndKeepsZoneTitlesClear() {
        Box legacyBox = MODEL.layout().box(Node.server("db-legacy-2")).orElseThrow().box();
        Box ghost = new Box(legacyBox.x(), legacyBox.maxY() + 60, legacyBox.width(), legacyBox.height());
        SceneDiff diff = new SceneDiff(Map.of(Node.server("db-legacy-2"), new SceneDiff.Mark(ChangeType.ADDED, "added"),
                Node.cluster("catify-main"), new SceneDiff.Mark(ChangeType.CHANGED, "failover order")),
                Map.of(), Map.of(Node.server("db-old-9"), ghost), List.of(), Optional.empty());
        Scene s = SceneBuilder.build(MODEL, SceneView.still(SceneState.NONE).withDiff(diff));
        assertThat(s.texts("db-legacy-2")).contains("+ added");
        assertThat(s.texts("catify-main")).contains("~ failover order");
        assertThat(s.texts("db-old-9")).contains("\u2212 db-old-9", "server removed by this change");
        assertThat(s.about("db-old-9").findFirst().orElseThrow().items()).anyMatch(i -> i instanceof Item.Rect r
                && !r.dash().solid());
        assertNoLabelCoversAnother(s);
        // a mark's words never sit on a zone title
        s.groups(Layer.CHANGES).flatMap(g -> texts(g).stream()).forEach(t -> MODEL.layout().lanes().forEach(l ->
                assertThat(t.bounds().overlaps(l.header())).as("%s over %s", t.text(), l.label()).isFalse()));
    }

    @Test
    void differentServersReadDifferentlyAtFit() {
        var b = Topology.builder();
        List<dev.failscope.model.Replica> replicas = new ArrayList<>();
        IntStream.rangeClosed(1, 3).forEach(i -> {
            b.server(Fleets.server("mysql-accounts-eu-" + i, "r", "z", ServerStatus.ACTIVE));
            if (i > 1) {
                replicas.add(Fleets.replica("mysql-accounts-eu-" + i, null, ReplicationMode.ASYNC, null));
            }
        });
        Topology t = b.cluster(Fleets.cluster("accounts", "mysql-accounts-eu-1",
                replicas.toArray(dev.failscope.model.Replica[]::new))).build();
        SceneModel m = new SceneModel(t, TopologyLayout.layout(t), List.of());
        Scene s = SceneBuilder.build(m, SceneView.at(0.25));
        List<String> shown = IntStream.rangeClosed(1, 3).mapToObj(i -> s.texts("mysql-accounts-eu-" + i).get(0))
                .toList();
        assertThat(shown).doesNotHaveDuplicates().allSatisfy(x -> assertThat(x).contains("…"));
    }

    @Test
    void theSameInputGivesTheSameScene() {
        Simulation sim = lose(CATIFYME, "db-main-1");
        SceneState end = SceneState.of(sim.step(sim.timeline().events().size()));
        assertThat(still(model(CATIFYME), end)).isEqualTo(still(MODEL, end));
    }

    @Test
    void stateMarksAloneAreTheStateGroupsOfTheFullScene() {
        Simulation sim = lose(CATIFYME, "db-main-1");
        SceneState end = SceneState.of(sim.step(sim.timeline().events().size()));
        List<Group> full = still(MODEL, end).groups().stream().filter(g -> g.layer() == Layer.STATES
                || g.kind().equals("state repointed")).toList();
        assertThat(SceneBuilder.stateMarks(MODEL, end)).containsExactlyInAnyOrderElementsOf(full);
    }

    @Test
    void routesAreSlantedBoxesWithTheirEdgesAndTheirSimulatedState(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Files.writeString(dir.resolve("topo.yaml"), """
                kind: inventory
                servers:
                  - {name: p, region: eu, zone: eu-a, host: h1}
                  - {name: r1, region: eu, zone: eu-b, host: h2}
                ---
                kind: cluster
                name: c
                primary: p
                replicas:
                  - {server: r1, mode: sync, lag: 0s}
                ---
                kind: failover
                cluster: c
                detection: 10s
                candidates: [r1]
                ---
                kind: service
                name: writer
                depends-on:
                  - {cluster: c, access: write, via: rt}
                ---
                kind: route
                name: rt
                software: pgbouncer
                serves: c
                follows: none
                targets: [p]
                """);
        Inspection i = new Inspector().inspect(List.of(dir.toString()));
        assertThat(i.topology().route("rt")).isPresent();
        SceneModel m = model(i);
        Scene plain = still(m, SceneState.NONE);
        Group route = plain.about("rt").filter(g -> g.layer() == Layer.NODES).findFirst().orElseThrow();
        assertThat(route.kind()).isEqualTo("node route");
        assertThat(route.items()).anyMatch(x -> x instanceof Item.Poly p && p.stroke() == Style.ROUTE);
        assertThat(route.texts()).contains("⇄ rt").anyMatch(t -> t.startsWith("pgbouncer"));
        assertThat(plain.groups(Layer.EDGES).filter(g -> g.kind().equals("edge routing"))).isNotEmpty();
        Simulation sim = lose(i, "p");
        var overlay = dev.failscope.report.render.SimulationOverlay.of(sim, i.topology());
        Scene end = still(m, overlay.toScene());
        assertThat(end.texts("rt")).contains("✖ PINNED → p");
        assertThat(end.about("rt").filter(g -> g.mark().equals("pinned"))).isNotEmpty();
        assertNoLabelCoversAnother(end);
        // the review page's steps say the same (SimulationStep replays the route events)
        Scene last = still(m, SceneState.of(sim.step(sim.timeline().events().size())));
        assertThat(last.texts("rt")).contains("✖ PINNED → p");
    }

    @Test
    void driftIsADashedRingWithItsTagOnTheServerAndTheCluster() {
        SceneState drift = SceneState.NONE.withDrift(Map.of("db-replica-1", "replica-priority 50 live, 100 committed",
                "catify-main", "primary db-replica-1 live"));

        Scene scene = still(MODEL, drift);

        List<Group> marks = scene.groups().stream().filter(g -> g.mark().equals("drift")).toList();
        assertThat(marks).extracting(Group::name).containsExactlyInAnyOrder("db-replica-1", "catify-main");
        assertThat(marks).allSatisfy(g -> {
            assertThat(g.layer()).isEqualTo(Layer.STATES);
            assertThat(g.items()).anySatisfy(i -> assertThat(i).isInstanceOfSatisfying(Item.Rect.class,
                    r -> assertThat(r.dash()).isNotEqualTo(Dash.SOLID)));
            assertThat(texts(g)).extracting(Item.Text::text).contains(Tags.DRIFT);
        });
        assertThat(still(MODEL, SceneState.NONE).groups()).noneMatch(g -> g.mark().equals("drift"));
        assertNoLabelCoversAnother(scene);
    }

    @Test
    void aDependencyThroughARouteIsDrawnThroughTheRouteOnlyNotAlsoDirectly() {
        SceneModel routed = model(new Inspector().inspect(List.of("sample-topologies/catifyme-routed")));

        Scene scene = still(routed, SceneState.NONE);

        assertThat(scene.groups()).filteredOn(g -> g.kind().equals("edge dependency")).isEmpty();
        assertThat(scene.groups()).filteredOn(g -> g.kind().equals("edge routing"))
                .extracting(Group::name).contains("cat-posting → pgbouncer-catify");
        assertThat(still(MODEL, SceneState.NONE).groups()).filteredOn(g -> g.kind().equals("edge dependency"))
                .extracting(Group::name).contains("cat-posting → catify-main");
    }
}
