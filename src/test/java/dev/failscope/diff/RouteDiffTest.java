package dev.failscope.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.analysis.Inspection;
import dev.failscope.analysis.Inspector;
import dev.failscope.model.EdgeKind;
import dev.failscope.model.Node;
import dev.failscope.model.SourcePosition;
import dev.failscope.report.DiffLabels;
import dev.failscope.report.DiffTextReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Routes in the diff: the routed CatifyMe samples, and same-named routes edited in a copy. */
class RouteDiffTest {
    private static final String ROUTED = "sample-topologies/catifyme-routed";
    private static final String FIXED = "sample-topologies/catifyme-routed-fixed";

    @TempDir
    Path tmp;

    private final Inspector inspector = new Inspector();

    private Comparison compare(String before, String after) {
        return new Differ(inspector, new SimulatedPrimaryLoss()).compare(List.of(before), List.of(after));
    }

    /** A copy of a sample with {@code file} edited. */
    private String copy(String sample, String file, UnaryOperator<String> edit) {
        return copy(sample, Map.of(file, edit));
    }

    /** A copy of a sample with some files edited. */
    private String copy(String sample, Map<String, UnaryOperator<String>> edits) {
        return copyTo(sample, tmp.resolve(Path.of(sample).getFileName()), edits);
    }

    private String copyTo(String sample, Path to, String file, UnaryOperator<String> edit) {
        return copyTo(sample, to, Map.of(file, edit));
    }

    private String copyTo(String sample, Path to, Map<String, UnaryOperator<String>> edits) {
        try (Stream<Path> files = Files.list(Path.of(sample))) {
            Files.createDirectories(to);
            for (Path f : files.toList()) {
                String text = Files.readString(f);
                Files.writeString(to.resolve(f.getFileName()), edits.getOrDefault(f.getFileName().toString(),
                        UnaryOperator.identity()).apply(text));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return to.toString();
    }

    @Test
    void haproxyHealthCheckToPgbouncerPinningSaysItPinsDbMain1AndLosingItBecomesAnOutage() {
        Comparison c = compare(FIXED, ROUTED);

        assertThat(c.changes()).extracting(Change::message).containsExactly(
                "service cat-commenting: dependency on catify-main: via haproxy-catify-rw \u2192 pgbouncer-catify",
                "service cat-liking: dependency on catify-main: via haproxy-catify-rw \u2192 pgbouncer-catify",
                "service cat-posting: dependency on catify-main: via haproxy-catify-rw \u2192 pgbouncer-catify",
                "route haproxy-catify-rw removed",
                "route pgbouncer-catify added (pgbouncer, write to catify-main, fixed host: pins db-main-1 "
                        + "(10.20.1.11:5432))",
                "route haproxy-catify-rw no longer sends clients to db-main-1 (10.20.1.11:5432)",
                "route haproxy-catify-rw no longer sends clients to db-replica-1 (10.20.2.11:5432)",
                "route pgbouncer-catify now pins db-main-1 (10.20.1.11:5432)");
        Change via = c.changes().get(2);
        assertThat(via.element()).isEqualTo(ChangeElement.DEPENDENCY);
        assertThat(via.field()).contains("via");
        assertThat(via.before()).contains("haproxy-catify-rw");
        assertThat(via.after()).contains("pgbouncer-catify");
        assertThat(via.beforePosition()).contains(new SourcePosition(FIXED + "/services.yaml", 8, 10));
        assertThat(via.afterPosition()).contains(new SourcePosition(ROUTED + "/services.yaml", 8, 10));
        Change removed = c.changes().get(3);
        assertThat(removed.type()).isEqualTo(ChangeType.REMOVED);
        assertThat(removed.position()).isEqualTo(new SourcePosition(FIXED + "/routes.yaml", 11, 7));
        assertThat(removed.node()).isEqualTo(Node.route("haproxy-catify-rw"));
        Change pins = c.changes().get(7);
        assertThat(pins.element()).isEqualTo(ChangeElement.ROUTE_TARGET);
        assertThat(pins.type()).isEqualTo(ChangeType.ADDED);
        assertThat(pins.target()).contains("db-main-1");
        assertThat(pins.beforePosition()).isEmpty();
        assertThat(pins.afterPosition()).contains(new SourcePosition(ROUTED + "/routes.yaml", 12, 5));
        assertThat(pins.edge()).hasValueSatisfying(e -> {
            assertThat(e.kind()).isEqualTo(EdgeKind.ROUTING);
            assertThat(e.to()).isEqualTo(Node.server("db-main-1"));
            assertThat(e.order()).isEqualTo(1);
        });

        assertThat(c.touched()).containsExactly("catify-main");
        assertThat(c.regressions()).singleElement().satisfies(d -> {
            assertThat(d.cluster()).isEqualTo("catify-main");
            assertThat(d.primary()).isEqualTo("db-main-1");
            assertThat(d.before().orElseThrow().survived()).isTrue();
            assertThat(d.after().orElseThrow().survived()).isFalse();
            assertThat(d.after().orElseThrow().promoted()).contains("db-replica-1");
            assertThat(d.describe()).isEqualTo("catify-main: primary loss was survived (db-replica-1 promoted, "
                    + "RTO 30s); after this change it is an OUTAGE (db-replica-1 promoted, RTO 30s; 3 services "
                    + "down: route pgbouncer-catify pins 10.20.1.11:5432 (db-main-1), which failed)");
        });
        assertThat(c.story()).containsExactly("this change makes catify-main's route pgbouncer-catify pin "
                + "db-main-1 (a fixed host: its clients do not follow a failover); losing db-main-1 after this "
                + "deploy is an outage (before: db-replica-1 promoted, RTO 30s)");
        assertThat(c.fails(null)).isTrue();
    }

    @Test
    void theFixIsAnImprovementAndNoRouteStory() {
        Comparison c = compare(ROUTED, FIXED);
        assertThat(c.regressions()).isEmpty();
        assertThat(c.story()).containsExactly("catify-main: losing db-main-1 was an outage; after this change it is "
                + "survived (db-replica-1 promoted, RTO 30s)");
        assertThat(c.changes()).extracting(Change::message).contains(
                "route haproxy-catify-rw added (haproxy, write to catify-main, health check: targets db-main-1 "
                        + "(10.20.1.11:5432), db-replica-1 (10.20.2.11:5432))");
    }

    @Test
    void nothingAboutRoutesChangedGivesNoRouteLines() {
        String after = copy(ROUTED, "failover.yaml", s -> s.replace("detection: 30s", "detection: 20s"));
        Comparison c = compare(ROUTED, after);
        assertThat(c.changes()).extracting(Change::message).containsExactly("catify-main: failover: detection 30s "
                + "\u2192 20s");
        assertThat(c.changes()).noneMatch(ch -> ch.element() == ChangeElement.ROUTE
                || ch.element() == ChangeElement.ROUTE_TARGET || ch.field().filter("via"::equals).isPresent());
        String text = DiffTextReport.render(c, new DiffLabels(ROUTED, after), false);
        String changes = text.substring(text.indexOf("Changes ("), text.indexOf("Findings introduced"));
        assertThat(changes).doesNotContain("route ").doesNotContain(" via ");
        assertThat(c.story()).isEmpty();
    }

    @Test
    void aSameNamedRouteThatStopsFollowingAndPinsOneServer() {
        String after = copy(FIXED, "routes.yaml", s -> s
                .replace("follows: health-check", "follows: none        ")
                .replace("check: {method: http, path: /primary, port: 8008, interval: 3s, fall: 3, rise: 2}\n", "")
                .replace("  - 10.20.2.11:5432    # db-replica-1\n", ""));
        Comparison c = compare(FIXED, after);
        assertThat(c.changes()).extracting(Change::message).containsExactly(
                "route haproxy-catify-rw: check http /primary port 8008 every 3s, rise 2, fall 3 \u2192 (unset)",
                "route haproxy-catify-rw: follows health check \u2192 fixed host: clients no longer follow a "
                        + "failover",
                "route haproxy-catify-rw now pins db-main-1 (10.20.1.11:5432)",
                "route haproxy-catify-rw no longer sends clients to db-replica-1 (10.20.2.11:5432)");
        Change follows = c.changes().get(1);
        assertThat(follows.field()).contains("follows");
        assertThat(follows.afterPosition()).contains(new SourcePosition(after + "/routes.yaml", 15, 10));
        assertThat(follows.beforePosition()).contains(new SourcePosition(FIXED + "/routes.yaml", 15, 10));
        Change check = c.changes().get(0);
        assertThat(check.beforePosition()).contains(new SourcePosition(FIXED + "/routes.yaml", 16, 8));
        assertThat(c.regressions()).singleElement().extracting(ResilienceDelta::cluster).isEqualTo("catify-main");
        assertThat(c.story()).singleElement().asString().startsWith("this change makes catify-main's route "
                + "haproxy-catify-rw pin db-main-1 (a fixed host: its clients do not follow a failover); losing "
                + "db-main-1 after this deploy is an outage");
    }

    @Test
    void healthCheckValuesAndATargetMovedToADecommissionedServer() {
        String fixed = copy(FIXED, Map.of("routes.yaml", s -> s
                .replace("path: /primary, port: 8008, interval: 3s, fall: 3, rise: 2",
                        "path: /read-write, port: 8009, interval: 5s, fall: 3, rise: 4")
                .replace("  - 10.20.2.11:5432    # db-replica-1\n", "  - db-legacy-2\n"),
                "inventory.yaml", s -> s + "\n  - name: db-legacy-2\n    region: us-west-2\n    zone: us-west-2c\n    status: decommissioned\n"));
        Comparison c = compare(FIXED, fixed);
        assertThat(c.changes()).extracting(Change::message).containsExactly(
                "server db-legacy-2 added (decommissioned, zone us-west-2c)",
                "route haproxy-catify-rw: check.interval 3s \u2192 5s",
                "route haproxy-catify-rw: check.path /primary \u2192 /read-write",
                "route haproxy-catify-rw: check.port 8008 \u2192 8009",
                "route haproxy-catify-rw: check.rise 2 \u2192 4",
                "route haproxy-catify-rw now sends clients to db-legacy-2 (decommissioned)",
                "route haproxy-catify-rw no longer sends clients to db-replica-1 (10.20.2.11:5432)");
        assertThat(c.changes()).allSatisfy(ch -> assertThat(ch.position().file()).startsWith(
                ch.type() == ChangeType.REMOVED ? FIXED : fixed));
        assertThat(c.story()).first().asString().contains("this change points catify-main's route "
                + "haproxy-catify-rw at a decommissioned server (db-legacy-2)");
    }

    @Test
    void clientsListedByTheRouteAndABackupFlag() {
        String before = copy(FIXED, "routes.yaml", s -> s.replace("targets:\n", "clients: [cat-posting]\ntargets:\n"));
        String after = tmp.resolve("after").toString();
        copyTo(FIXED, Path.of(after), "routes.yaml", s -> s
                .replace("targets:\n", "clients: [cat-liking]\ntargets:\n")
                .replace("  - 10.20.2.11:5432    # db-replica-1\n", "  - {server: db-replica-1, backup: true}\n"));
        Comparison c = compare(before, after);
        assertThat(c.changes()).extracting(Change::message).containsExactly(
                "route haproxy-catify-rw: service cat-liking now goes through it (clients)",
                "route haproxy-catify-rw: service cat-posting no longer goes through it (clients)",
                "route haproxy-catify-rw: target db-replica-1: backup false \u2192 true");
        Change added = c.changes().get(0);
        assertThat(added.node()).isEqualTo(Node.service("cat-liking"));
        assertThat(added.edge()).hasValueSatisfying(e -> assertThat(e.to()).isEqualTo(Node.route("haproxy-catify-rw")));
        assertThat(added.afterPosition()).contains(new SourcePosition(after + "/routes.yaml", 18, 11));
        assertThat(c.changes().get(1).beforePosition()).contains(new SourcePosition(before + "/routes.yaml", 18, 11));
    }

    @Test
    void theSameInputGivesTheSameChanges() {
        Inspection before = inspector.inspect(List.of(FIXED));
        Inspection after = inspector.inspect(List.of(ROUTED));
        assertThat(TopologyDiff.compare(before.topology(), after.topology()))
                .isEqualTo(TopologyDiff.compare(inspector.inspect(List.of(FIXED)).topology(),
                        inspector.inspect(List.of(ROUTED)).topology()));
    }
}
