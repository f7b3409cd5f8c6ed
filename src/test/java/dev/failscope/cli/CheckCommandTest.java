package dev.failscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.analysis.Inspection;
import dev.failscope.load.LoadResult;
import dev.failscope.model.Finding;
import dev.failscope.model.Severity;
import dev.failscope.model.SourcePosition;
import dev.failscope.model.Topology;
import dev.failscope.support.Cli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CheckCommandTest {
    static final String DECOMMISSIONED_LINE = "sample-topologies/catifyme/failover.yaml:8:5: error: failover candidate "
            + "'db-legacy-2' of cluster 'catify-main' is decommissioned";

    @Test
    void catifymeReportsTheDecommissionedTargetAndExits1() {
        Cli.Run run = Cli.run("check", "sample-topologies/catifyme");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).isEmpty();
        String[] lines = run.outLines();
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith(DECOMMISSIONED_LINE)
                .endsWith("[failover-target-decommissioned]"));
        assertThat(lines[lines.length - 1]).isEmpty();
        assertThat(lines[lines.length - 2]).matches("[1-9]\\d* errors?, \\d+ warnings?, \\d+ infos? in 4 files");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sample-topologies/catifyme-fixed", "sample-topologies/catifyme-before"})
    void fixedTopologiesHaveNoErrorsAndExit0(String path) {
        Cli.Run run = Cli.run("check", path);

        assertThat(run.exit()).isZero();
        assertThat(run.out()).doesNotContain(": error: ").endsWith(" in 4 files\n");
    }

    @Test
    void threeZoneHealthyHasNoFindings() {
        Cli.Run run = Cli.run("check", "sample-topologies/three-zone-healthy");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo("0 errors, 0 warnings, 0 infos in 5 files\n");
    }

    @ParameterizedTest
    @CsvSource({"error,1", "warning,1", "info,1", "never,0"})
    void failOnSetsTheThresholdOnCatifyme(String failOn, int exit) {
        assertThat(Cli.run("check", "--fail-on", failOn, "sample-topologies/catifyme").exit()).isEqualTo(exit);
    }

    @ParameterizedTest
    @CsvSource({
        "WARNING, error, 0", "WARNING, warning, 1", "WARNING, info, 1", "WARNING, never, 0",
        "INFO, error, 0", "INFO, warning, 0", "INFO, info, 1", "INFO, never, 0",
        "ERROR, error, 1", "ERROR, never, 0"})
    void failOnComparesSeverities(Severity severity, CheckCommand.FailOn failOn, int exit) {
        Finding finding = new Finding("some-rule", severity, "message", "subject", null,
                new SourcePosition("a.yaml", 1, 1));
        Inspection inspection = new Inspection(new LoadResult(Topology.builder().build(), List.of(), List.of()),
                List.of(finding));

        assertThat(CheckCommand.exitCode(inspection, failOn)).isEqualTo(exit);
    }

    @Test
    void loadErrorsGoToStdoutAndExit2() {
        Cli.Run run = Cli.run("check", "--fail-on", "never", "no/such/dir", "sample-topologies/catifyme");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEqualTo("no/such/dir:1:1: error: no such file or directory\n1 load error\n");
    }

    @Test
    void jsonLoadErrorsHaveTheirOwnShape() {
        Cli.Run run = Cli.run("check", "--format", "json", "missing.yaml");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).contains("\"errors\": [").contains("\"message\": \"no such file or directory\"")
                .doesNotContain("findings");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "json", "sarif"})
    void outputWritesTheFileAndNothingToStdout(String format, @TempDir Path dir) throws IOException {
        Path file = dir.resolve("reports/out." + format);

        Cli.Run run = Cli.run("check", "--format", format, "--output", file.toString(),
                "sample-topologies/catifyme");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .isEqualTo(Cli.run("check", "--format", format, "sample-topologies/catifyme").out());
    }

    @Test
    void unwritableOutputIsAUsageError(@TempDir Path dir) throws IOException {
        Path blocker = Files.writeString(dir.resolve("file"), "x");

        Cli.Run run = Cli.run("check", "--output", blocker.resolve("out.txt").toString(),
                "sample-topologies/catifyme");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("failscope: cannot write ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "json", "sarif"})
    void outputIsByteIdenticalAcrossRuns(String format) {
        String first = Cli.run("check", "--format", format, "sample-topologies").out();
        String second = Cli.run("check", "--format", format, "sample-topologies").out();

        assertThat(first).isNotEmpty().isEqualTo(second);
    }

    @Test
    void unknownFormatIsAUsageError() {
        Cli.Run run = Cli.run("check", "--format", "xml", "sample-topologies/catifyme");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().split("\n")).containsExactly(
                "failscope: Invalid value for option '--format': expected one of [text, json, sarif, junit, github, prometheus, html]"
                        + " (case-insensitive) but was 'xml'",
                "Try 'failscope check --help' for more information.");
    }

    @Test
    void unknownFailOnIsAUsageError() {
        Cli.Run run = Cli.run("check", "--fail-on", "critical", "sample-topologies/catifyme");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("failscope: Invalid value for option '--fail-on': expected one of "
                + "[error, warning, info, never]");
    }

    @Test
    void missingPathIsAUsageError() {
        Cli.Run run = Cli.run("check");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("failscope: Missing required parameter: 'PATH'\n");
    }

    @Test
    void unknownOptionIsAUsageErrorWithSuggestion() {
        Cli.Run run = Cli.run("check", "--formt", "json", "sample-topologies/catifyme");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("failscope: Unknown option: '--formt'").contains("--format");
    }

    @Test
    void unknownCommandIsAUsageError() {
        Cli.Run run = Cli.run("chekc");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("Unmatched argument at index 0: 'chekc'").contains("check");
    }

    @Test
    void formatIsCaseInsensitive() {
        assertThat(Cli.run("check", "--format", "JSON", "sample-topologies/catifyme").out()).startsWith("{\n");
    }

    @Test
    void helpExplainsExitCodes() {
        Cli.Run run = Cli.run("check", "--help");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("--format=FORMAT", "--fail-on=LEVEL", "--output=FILE", "--debug",
                "  2  load error or bad usage");
    }

    @Test
    void debugIsAcceptedBeforeAndAfterTheSubcommand() {
        var before = FailscopeCommand.commandLine().parseArgs("--debug", "check", "x");
        var after = FailscopeCommand.commandLine().parseArgs("check", "--debug", "x");
        var none = FailscopeCommand.commandLine().parseArgs("check", "x");

        assertThat(FailscopeCommand.debugRequested(before)).isTrue();
        assertThat(FailscopeCommand.debugRequested(after)).isTrue();
        assertThat(FailscopeCommand.debugRequested(none)).isFalse();
    }
}
