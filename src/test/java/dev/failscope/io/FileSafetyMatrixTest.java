package dev.failscope.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.support.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command with an output option, pointed at inputs (directly, through links, through linked folders, by
 * another spelling of the path) and at files Failscope did not write: each is refused with exit 2 and one line,
 * and no input's checksum changes.
 */
class FileSafetyMatrixTest {
    @TempDir
    Path dir;

    private Path topo;

    @BeforeEach
    void setUp() throws IOException {
        topo = copy(Path.of("sample-topologies/catifyme"), dir.resolve("topo"));
        copy(Path.of("sample-topologies/catifyme-fixed"), dir.resolve("topo2"));
        copy(Path.of("sample-topologies/catifyme"), dir.resolve("envs/prod"));
        copy(Path.of("sample-topologies/three-zone-healthy"), dir.resolve("envs/dev"));
        Files.createDirectories(dir.resolve("links"));
        Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(dir.resolve("elsewhere/notes.txt"), "a user's file\n");
        Files.writeString(dir.resolve("elsewhere/inventory.yaml"), "# a user's unrelated inventory\n");
        for (String ext : List.of("txt", "json", "svg", "png", "dot")) {
            Files.createSymbolicLink(dir.resolve("links/inv." + ext), topo.resolve("inventory.yaml"));
            Files.createSymbolicLink(dir.resolve("links/env." + ext), dir.resolve("envs/prod/failover.yaml"));
        }
        Files.createSymbolicLink(topo.resolve("link.svg"), topo.resolve("inventory.yaml"));
        Files.createSymbolicLink(dir.resolve("alias"), topo);
        Files.createSymbolicLink(dir.resolve("links/dangling.txt"), dir.resolve("nowhere/x"));
    }

    /** One command line per output option, with {@code %s} for the output and {@code %e} for its extension. */
    static Stream<Arguments> commands() {
        return Stream.of(
                cmd("txt", "check", "T/topo", "--output"),
                cmd("json", "check", "T/topo", "--format", "json", "--output"),
                cmd("txt", "check", "T/topo", "--format", "sarif", "--output"),
                cmd("txt", "sweep", "T/topo", "--output"),
                cmd("txt", "simulate", "T/topo", "--fail", "db-main-1", "--output"),
                cmd("txt", "diff", "T/topo", "T/topo2", "--output"),
                cmd("txt", "diff", "--before", "T/topo", "--after", "T/topo2", "--format", "markdown", "--output"),
                cmd("dot", "export", "T/topo", "--format", "dot", "--output"),
                cmd("txt", "export", "T/topo", "--format", "graphml", "--output"),
                cmd("txt", "export", "T/topo", "--format", "mermaid", "--output"),
                cmd("svg", "render", "T/topo", "--output"),
                cmd("png", "render", "T/topo", "-o"),
                cmd("svg", "render", "T/topo", "--fail", "db-main-1", "--output"));
    }

    private static Arguments cmd(String ext, String... args) {
        return Arguments.of(ext, List.of(args));
    }

    /** Output targets that are inputs, however they are spelt. */
    static Stream<Arguments> inputTargets() {
        List<Arguments> all = new ArrayList<>();
        List<String> targets = List.of("T/topo/inventory.yaml", "T/links/inv.EXT", "T/alias/failover.yaml",
                "T/topo/../topo/./clusters.yaml", "T/topo/link.svg", "T/topo", "T/alias", "T/links/dangling.txt");
        commands().forEach(c -> targets.forEach(t -> all.add(Arguments.of(c.get()[0], c.get()[1], t))));
        return all.stream();
    }

    @ParameterizedTest(name = "{1} -> {2}")
    @MethodSource("inputTargets")
    void anOutputThatIsAnInputIsRefusedAndNoInputChanges(String ext, List<String> command, String target)
            throws IOException {
        Map<String, String> before = checksums();
        List<String> args = new ArrayList<>();
        command.forEach(a -> args.add(a.replace("T/", dir + "/")));
        args.add(target.replace("T/", dir + "/").replace("EXT", ext));

        Cli.Run run = Cli.run(args.toArray(String[]::new));

        assertThat(run.exit()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).startsWith("failscope").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.err().strip().lines().count()).as(run.err()).isLessThanOrEqualTo(2);
        assertThat(checksums()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("commands")
    void anExistingFileFailscopeDidNotWriteNeedsForce(String ext, List<String> command) throws IOException {
        Path target = dir.resolve("elsewhere/notes." + ext);
        Files.writeString(target, "a user's file\n");
        Map<String, String> before = checksums();
        List<String> args = new ArrayList<>();
        command.forEach(a -> args.add(a.replace("T/", dir + "/")));
        args.add(target.toString());

        Cli.Run refused = Cli.run(args.toArray(String[]::new));

        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).isEqualTo("failscope: refusing to overwrite " + target + ": it exists and "
                + "Failscope did not write it (or it changed since); pass --force to replace it\n");
        assertThat(checksums()).isEqualTo(before);

        args.add("--force");
        Cli.Run forced = Cli.run(args.toArray(String[]::new));
        assertThat(forced.exit()).as(forced.err()).isIn(0, 1);
        assertThat(Files.readAllBytes(target)).isNotEqualTo("a user's file\n".getBytes());

        args.remove("--force");
        Cli.Run again = Cli.run(args.toArray(String[]::new));
        assertThat(again.exit()).as("its own unchanged output is replaced without --force: " + again.err())
                .isIn(0, 1);

        Files.writeString(target, "edited by the user\n");
        assertThat(Cli.run(args.toArray(String[]::new)).exit()).as("an edited output is the user's").isEqualTo(2);
        assertThat(Files.readString(target)).isEqualTo("edited by the user\n");
    }

    @Test
    void auditRefusesAnOutputThatIsOneOfItsEnvironmentsFiles() throws IOException {
        Map<String, String> before = checksums();
        for (String target : List.of("envs/prod/failover.yaml", "links/env.txt", "envs/dev", "envs")) {
            Cli.Run run = Cli.run("audit", dir.resolve("envs").toString(), "--output", dir.resolve(target).toString());
            assertThat(run.exit()).as(target + ": " + run.err()).isEqualTo(2);
            assertThat(run.err()).startsWith("failscope: ");
        }
        assertThat(checksums()).isEqualTo(before);
        Path report = dir.resolve("reports/audit.txt");
        assertThat(Cli.run("audit", dir.resolve("envs").toString(), "--output", report.toString()).exit()).isIn(0, 1);
        assertThat(report).isRegularFile();
    }

    @Test
    void nativeExportRefusesAFolderOfInputsHoweverItIsSpelt() throws IOException {
        Map<String, String> before = checksums();
        for (String target : List.of("topo", "alias", "topo/../topo", "topo/sub", "alias/sub")) {
            Cli.Run run = Cli.run("export", dir.resolve("topo").toString(), "--format", "native", "--output",
                    dir.resolve(target).toString());
            assertThat(run.exit()).as(target).isEqualTo(2);
            assertThat(run.err()).startsWith("failscope: refusing to write into ");
        }
        Cli.Run file = Cli.run("export", dir.resolve("topo/inventory.yaml").toString(), "--format", "native",
                "--output", dir.resolve("topo").toString());
        assertThat(file.exit()).isEqualTo(2);
        assertThat(checksums()).isEqualTo(before);
    }

    @Test
    void nativeExportNeverOverwritesAnUnrelatedInventory() throws IOException {
        Map<String, String> before = checksums();
        Cli.Run run = Cli.run("export", dir.resolve("topo").toString(), "--format", "native", "--output",
                dir.resolve("elsewhere").toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("failscope: refusing to overwrite " + dir.resolve("elsewhere") + "/");
        assertThat(checksums()).isEqualTo(before);
        Path fresh = dir.resolve("out");
        assertThat(Cli.run("export", dir.resolve("topo").toString(), "--format", "native", "--output",
                fresh.toString()).exit()).isZero();
        assertThat(Cli.run("export", dir.resolve("topo2").toString(), "--format", "native", "--output",
                fresh.toString()).exit()).as("its own export is replaced").isZero();
    }

    @Test
    void generateDeletesNothingThroughALinkedFolderOrAStrayMarker() throws IOException {
        Path out = dir.resolve("fleet");
        assertThat(Cli.run("generate", "--clusters", "4", out.toString()).exit()).isZero();
        // the user replaces a generated folder by a link to their own inputs, with the same file names
        Path inventoryDir = out.resolve("inventory");
        List<String> names;
        try (Stream<Path> s = Files.list(inventoryDir)) {
            names = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        Path theirs = Files.createDirectories(dir.resolve("theirs"));
        for (String n : names) {
            Files.copy(inventoryDir.resolve(n), theirs.resolve(n));
        }
        try (Stream<Path> s = Files.list(inventoryDir)) {
            for (Path p : s.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(inventoryDir);
        Files.createSymbolicLink(inventoryDir, theirs);
        // and a stray marker copied into a user's folder
        Files.copy(out.resolve(".failscope-generate"), topo.resolve(".failscope-generate"));
        Map<String, String> before = checksums();

        Cli.Run linked = Cli.run("generate", "--clusters", "4", out.toString());
        Cli.Run stray = Cli.run("generate", "--clusters", "4", topo.toString());

        assertThat(linked.exit()).as(linked.err()).isEqualTo(2);
        assertThat(stray.exit()).as(stray.err()).isEqualTo(2);
        assertThat(checksums()).isEqualTo(before);
        try (Stream<Path> s = Files.list(theirs)) {
            assertThat(s.count()).isEqualTo(names.size());
        }
    }

    @Test
    void generateNeverDeletesAnEditedFile() throws IOException {
        Path out = dir.resolve("fleet");
        assertThat(Cli.run("generate", "--clusters", "4", out.toString()).exit()).isZero();
        Path clusters = out.resolve("clusters.yaml");
        if (!Files.exists(clusters)) {
            try (Stream<Path> s = Files.walk(out)) {
                clusters = s.filter(p -> p.toString().endsWith(".yaml")).findFirst().orElseThrow();
            }
        }
        Files.writeString(clusters, "# my edit\n", java.nio.file.StandardOpenOption.APPEND);
        String edited = Files.readString(clusters);

        Cli.Run run = Cli.run("generate", "--clusters", "2", out.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(Files.readString(clusters)).isEqualTo(edited);
    }

    private Map<String, String> checksums() throws IOException {
        Map<String, String> sums = new TreeMap<>();
        for (String sub : List.of("topo", "topo2", "envs", "elsewhere", "theirs")) {
            Path root = dir.resolve(sub);
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
                    sums.put(dir.relativize(p).toString(), OutputManifest.sha256(Files.readAllBytes(p)));
                }
            }
        }
        return sums;
    }

    private static Path copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> s = Files.list(from)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                Files.copy(p, to.resolve(p.getFileName()));
            }
        }
        return to;
    }
}
