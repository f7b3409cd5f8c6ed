package dev.failscope.load.importers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.analysis.Inspection;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An importer's flag that is not a boolean is a positioned error, never a silent false. */
class ImporterBooleansTest {
    @TempDir
    Path tmp;

    @Test
    void mhaFlagThatIsNotABoolean() {
        Inspection i = new Fixture(tmp).file("app.cnf", "[server default]\nuser=mha\n[server1]\nhostname=a\n"
                + "[server2]\nhostname=b\nno_master=maybe\ncandidate_master=sure\n").inspect();
        assertThat(Fixture.errors(i)).containsExactly(
                tmp.resolve("app.cnf") + ":7:11: error: no_master must be 1 or 0 (or true/false, yes/no, on/off), "
                        + "got 'maybe'",
                tmp.resolve("app.cnf") + ":8:18: error: candidate_master must be 1 or 0 (or true/false, yes/no, "
                        + "on/off), got 'sure'");
    }

    @Test
    void patroniSynchronousModeThatIsNotABoolean() {
        Inspection i = new Fixture(tmp).file("a.yml", PatroniImporterTest.member("a", "10.0.0.1", "")
                + PatroniImporterTest.dcs("    synchronous_mode: maybe\n")).inspect();
        assertThat(Fixture.errors(i)).singleElement().asString().contains("a.yml:12:23: error:",
                "synchronous_mode' must be true or false");
    }

    @Test
    void patroniQuorumIsStillAccepted() {
        Inspection i = new Fixture(tmp).file("a.yml", PatroniImporterTest.member("a", "10.0.0.1", "")
                + PatroniImporterTest.dcs("    synchronous_mode: quorum\n")).inspect();
        assertThat(Fixture.errors(i)).isEmpty();
    }

    @Test
    void cnpgReplicaEnabledThatIsNotABoolean() {
        Inspection i = new Fixture(tmp).file("c.yaml", """
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata:
                  name: pg
                spec:
                  instances: 2
                  replica:
                    enabled: perhaps
                    source: upstream
                  externalClusters:
                    - name: upstream
                """).inspect();
        assertThat(Fixture.errors(i)).singleElement().asString().contains("c.yaml:8:14: error:",
                "replica.enabled' must be true or false");
    }
}
