package dev.failscope.analysis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.analysis.Inspection;
import dev.failscope.analysis.Inspector;
import dev.failscope.model.Finding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * YAML files written into a temporary directory and inspected through the real loader, so positions are real.
 * {@link #base()} writes a healthy three-server cluster that every rule test varies one document of.
 */
final class Fixture {
    /** Three servers in three zones of one region, each on its own host. */
    static final String INVENTORY = """
            kind: inventory
            servers:
              - {name: db-1, region: us, zone: us-a, host: h1}
              - {name: db-2, region: us, zone: us-b, host: h2}
              - {name: db-3, region: us, zone: us-c, host: h3}
            """;
    /** Cluster {@code main}: primary db-1, sync replicas db-2 and db-3. */
    static final String CLUSTER = """
            kind: cluster
            name: main
            primary: db-1
            replicas:
              - {server: db-2, mode: sync, lag: 1s}
              - {server: db-3, mode: sync, lag: 1s}
            """;
    /** Failover of {@code main}: db-2 then db-3 (candidates at 3:14 and 3:20). */
    static final String FAILOVER = """
            kind: failover
            cluster: main
            candidates: [db-2, db-3]
            """;

    private final Path dir;

    Fixture(Path dir) {
        this.dir = dir;
    }

    /** The healthy base: inventory.yaml, cluster.yaml, failover.yaml. */
    Fixture base() {
        return write("inventory.yaml", INVENTORY).write("cluster.yaml", CLUSTER).write("failover.yaml", FAILOVER);
    }

    /** Writes (or overwrites) one file. */
    Fixture write(String name, String text) {
        try {
            Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Loads the directory; the fixture must load without errors, or "does not fire" would prove nothing. */
    Inspection inspect() {
        Inspection inspection = new Inspector().inspect(List.of(dir.toString()));
        assertThat(inspection.errors()).as("load errors").isEmpty();
        return inspection;
    }

    /** Every finding, sorted. */
    List<Finding> findings() {
        return inspect().findings();
    }

    /** The findings of one rule. */
    List<Finding> findings(String rule) {
        return findings().stream().filter(f -> f.rule().equals(rule)).toList();
    }

    /** The single finding of the rule; fails when there is none or more than one. */
    Finding only(String rule) {
        List<Finding> found = findings(rule);
        assertThat(found).as("findings of " + rule).hasSize(1);
        return found.get(0);
    }

    /** Asserts rule, subject, target (null for none), file name, line and column. */
    static void assertFinding(Finding f, String rule, String subject, String target, String file, int line,
                              int column) {
        assertThat(f.rule()).as("rule").isEqualTo(rule);
        assertThat(f.subject()).as("subject").isEqualTo(subject);
        assertThat(f.target()).as("target").isEqualTo(target);
        assertThat(Path.of(f.position().file()).getFileName().toString()).as("file").isEqualTo(file);
        assertThat(f.position().line()).as("line").isEqualTo(line);
        assertThat(f.position().column()).as("column").isEqualTo(column);
    }
}
