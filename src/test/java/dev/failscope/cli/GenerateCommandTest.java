package dev.failscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.support.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {
    @TempDir
    Path dir;

    private List<String> tree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void writesAFleetThatCheckLoads() {
        Path out = dir.resolve("fleet");

        Cli.Run run = Cli.run("generate", "--clusters", "6", "--replicas", "2", "--zones", "3", "--seed", "9",
                out.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("wrote 18 servers, 6 clusters, 2 services in ");
        Cli.Run check = Cli.run("check", out.toString());
        assertThat(check.out()).doesNotContain(": error: ");
    }

    @Test
    void faultsAreListed() {
        Cli.Run run = Cli.run("generate", "--clusters", "6", "--faults", "2", dir.resolve("f").toString());

        assertThat(run.exit()).isZero();
        assertThat(run.out().split("\n")).contains(
                "    1 x failover points at a decommissioned server (the CatifyMe incident)",
                "    1 x failover points at a server declared in no inventory");
        assertThat(Cli.run("check", dir.resolve("f").toString()).exit()).isEqualTo(1);
    }

    @Test
    void sameOptionsGiveByteIdenticalFiles() throws IOException {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        Cli.run("generate", "--clusters", "30", "--faults", "7", "--seed", "3", a.toString());
        Cli.run("generate", "--clusters", "30", "--faults", "7", "--seed", "3", b.toString());

        assertThat(tree(a)).isEqualTo(tree(b)).contains(".failscope-generate", "inventory/retired.yaml");
        for (String f : tree(a)) {
            assertThat(Files.readAllBytes(a.resolve(f))).as(f).isEqualTo(Files.readAllBytes(b.resolve(f)));
        }
    }

    @Test
    void refusesANonEmptyDirectoryItDidNotWrite() throws IOException {
        Path out = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(out.resolve("notes.txt"), "keep me");

        Cli.Run run = Cli.run("generate", "--clusters", "3", out.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("failscope: " + out + " is not empty and was not written by 'failscope "
                + "generate': refusing to write into it (choose a new or empty directory)\n");
        assertThat(tree(out)).containsExactly("notes.txt");
    }

    @Test
    void refusesAFile() throws IOException {
        Path file = Files.writeString(dir.resolve("file.yaml"), "x");

        Cli.Run run = Cli.run("generate", "--clusters", "3", file.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("failscope: " + file + " exists and is not a directory\n");
    }

    @Test
    void replacesItsOwnPreviousOutput() throws IOException {
        Path out = dir.resolve("fleet");
        Cli.run("generate", "--clusters", "40", "--zones", "6", "--faults", "3", out.toString());
        assertThat(tree(out)).contains("inventory/us-east-1f.yaml", "inventory/retired.yaml");

        Cli.Run again = Cli.run("generate", "--clusters", "4", "--zones", "2", out.toString());

        assertThat(again.exit()).isZero();
        assertThat(tree(out)).doesNotContain("inventory/us-east-1f.yaml", "inventory/retired.yaml")
                .contains("inventory/us-east-1a.yaml", "inventory/us-east-1b.yaml");
    }

    @Test
    void writesIntoAnEmptyDirectory() throws IOException {
        Path out = Files.createDirectories(dir.resolve("empty"));

        assertThat(Cli.run("generate", "--clusters", "2", out.toString()).exit()).isZero();
    }

    @Test
    void badNumbersAreUsageErrors() {
        Cli.Run run = Cli.run("generate", "--clusters", "0", dir.resolve("x").toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("failscope: --clusters must be between 1 and 1000000\n");
        assertThat(Cli.run("generate", dir.resolve("x").toString()).exit()).isEqualTo(2);
        assertThat(Cli.run("generate", "--clusters", "many", dir.resolve("x").toString()).exit()).isEqualTo(2);
        assertThat(Files.exists(dir.resolve("x"))).isFalse();
    }
}
