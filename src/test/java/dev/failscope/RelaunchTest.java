package dev.failscope;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.support.Cli;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When a plain {@code java -jar} run re-executes itself with the launcher's flags, and that nothing changes. */
class RelaunchTest {
    @TempDir
    static Path dir;
    static Path fleet;
    static Path small;
    static final Path JAVA_HOME = Path.of(System.getProperty("java.home"));

    @BeforeAll
    static void fleets() throws IOException {
        fleet = dir.resolve("fleet");
        assertThat(Cli.run("generate", "--clusters", "1500", "--faults", "15", "--seed", "7", fleet.toString())
                .exit()).isZero();
        small = dir.resolve("small.yaml");
        Files.writeString(small, "kind: inventory\nservers: []\n");
    }

    private static List<String> child(String[] args, List<String> jvm, Map<String, String> env) {
        return Relaunch.command(args, jvm, env, dir.resolve("failscope.jar"), JAVA_HOME).orElse(null);
    }

    @Test
    void aLargeCheckUnderPlainJavaRunsInAChildWithTheLauncherFlags() {
        String[] args = {"check", "--format", "json", fleet.toString()};
        List<String> cmd = child(args, List.of("-Xmx2g", "-Dx=y", "-jar", "failscope.jar", "check"), Map.of());
        assertThat(cmd).isNotNull();
        assertThat(cmd.get(0)).isEqualTo(JAVA_HOME.resolve("bin/java").toString());
        assertThat(cmd).containsSubsequence("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-XX:MaxTenuringThreshold=0", "-Xmx2g", "-Dx=y", "-Dfailscope.relaunched=true", "-jar",
                dir.resolve("failscope.jar").toString(), "check", "--format", "json", fleet.toString());
        assertThat(cmd).noneMatch(a -> a.startsWith("-XX:SharedArchiveFile")); // no archive beside that jar
    }

    @Test
    void theArchiveBesideTheJarIsUsed() throws IOException {
        Path jsa = dir.resolve("failscope.jsa");
        Files.writeString(jsa, "");
        try {
            assertThat(child(new String[] {"sweep", fleet.toString()}, List.of("-jar", "f.jar"), Map.of()))
                    .contains("-XX:SharedArchiveFile=" + jsa, "-Xshare:auto");
        } finally {
            Files.delete(jsa);
        }
    }

    @Test
    void staysWhenItCannotHelpOrCouldSurprise() {
        List<String> plain = List.of("-jar", "failscope.jar");
        assertThat(child(new String[] {"check", small.toString()}, plain, Map.of())).as("small input").isNull();
        assertThat(child(new String[] {"gui", fleet.toString()}, plain, Map.of())).as("the GUI").isNull();
        assertThat(child(new String[] {"generate", fleet.toString()}, plain, Map.of())).isNull();
        assertThat(child(new String[] {}, plain, Map.of())).isNull();
        String[] check = {"check", fleet.toString()};
        for (String chosen : List.of("-XX:+UseG1GC", "-XX:TieredStopAtLevel=4", "-Xint", "-javaagent:a.jar",
                "-XX:StartFlightRecording", "-agentlib:jdwp=transport=dt_socket", "-XX:SharedArchiveFile=x.jsa")) {
            assertThat(child(check, List.of(chosen, "-jar", "f.jar"), Map.of())).as(chosen).isNull();
            assertThat(child(check, plain, Map.of("JAVA_TOOL_OPTIONS", "-Xmx1g " + chosen))).as(chosen).isNull();
            assertThat(child(check, plain, Map.of("JDK_JAVA_OPTIONS", chosen))).as(chosen).isNull();
            assertThat(child(check, plain, Map.of("_JAVA_OPTIONS", chosen))).as(chosen).isNull();
        }
        assertThat(child(check, List.of("-cp", "x", "dev.failscope.Launcher"), Map.of())).as("-cp").isNull();
        assertThat(child(check, List.of(), Map.of())).as("arguments unknown").isNull();
        assertThat(Relaunch.command(check, plain, Map.of(), null, JAVA_HOME)).as("not from a jar").isEmpty();
        assertThat(Relaunch.jar(List.of("-Xmx1g", "-jar", small.toString(), "check"))).isEqualTo(small);
        assertThat(Relaunch.jar(List.of("-jar", dir.resolve("missing.jar").toString()))).isNull();
        assertThat(Relaunch.jar(List.of("-cp", "x", "Main"))).isNull();
        assertThat(child(check, List.of("-Xms64m", "-Xss2m", "-XX:MaxRAMPercentage=50", "-jar", "f.jar"),
                Map.of("JAVA_TOOL_OPTIONS", " -Xmx3g -Dfile.encoding=UTF-8 "))).as("neutral options").isNotNull();
    }

    @Test
    void largeInputsGetBothCompilersAndTheLauncherScriptAgrees() throws IOException {
        assertThat(Relaunch.flags(Relaunch.LARGE_INPUT_BYTES - 1)).isEqualTo(Relaunch.FLAGS)
                .contains("-XX:TieredStopAtLevel=1");
        assertThat(Relaunch.flags(Relaunch.LARGE_INPUT_BYTES)).isEqualTo(Relaunch.LARGE_FLAGS)
                .noneMatch(f -> f.startsWith("-XX:TieredStopAtLevel"));
        for (long bytes : new long[] {0, Relaunch.LARGE_INPUT_BYTES - 1, Relaunch.LARGE_INPUT_BYTES}) {
            assertThat(dev.failscope.bench.ProcessBenchmark.launcherFlags(bytes)).isEqualTo(Relaunch.flags(bytes));
        }
        String script = Files.readString(Path.of("packaging/failscope"), StandardCharsets.UTF_8);
        assertThat(script).contains("-ge " + Relaunch.LARGE_INPUT_BYTES / 1024 + " ]");
        for (String flag : Relaunch.LARGE_FLAGS) {
            assertThat(script).as(flag).contains(flag);
        }
        for (String flag : Relaunch.FLAGS) {
            assertThat(script).as(flag).contains(flag);
        }
    }

    @Test
    void inputBytesCountsFilesAndFoldersButNotOptionsOrMissingPaths() throws IOException {
        assertThat(Relaunch.inputBytes(new String[] {"check", small.toString()})).isEqualTo(Files.size(small));
        assertThat(Relaunch.inputBytes(new String[] {"check", "--format", "json", dir.resolve("nope").toString(),
            "\0bad"})).isZero();
        assertThat(Relaunch.inputBytes(new String[] {"check", fleet.toString()}))
                .isGreaterThanOrEqualTo(Relaunch.MIN_INPUT_BYTES);
    }

    /** A jar with no classes of its own whose manifest puts the build's classes on the class path. */
    private static Path thinJar() throws IOException {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "dev.failscope.Launcher");
        StringBuilder cp = new StringBuilder();
        for (String e : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path p = Path.of(e).toAbsolutePath();
            if (p.toString().contains("test-classes")) {
                continue;
            }
            cp.append(p.toUri()).append(' ');
        }
        m.getMainAttributes().put(Attributes.Name.CLASS_PATH, cp.toString().trim());
        Path jar = dir.resolve("thin").resolve("failscope.jar");
        Files.createDirectories(jar.getParent());
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, m)) {
            j.flush();
        }
        return jar;
    }

    record Run(int exit, String out, String err) {}

    private static Run java(List<String> args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(JAVA_HOME.resolve("bin/java").toString(), "-Xmx512m"));
        cmd.addAll(args);
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().remove("JDK_JAVA_OPTIONS");
        pb.environment().remove("_JAVA_OPTIONS");
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("no exit within 120 s: " + cmd);
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void theChildGivesTheSameBytesAndExitCode() throws Exception {
        Path jar = thinJar();
        // Launcher.main decides from the process's own arguments, so this runs the whole path: child, I/O, exit
        Run relaunched = java(List.of("-jar", jar.toString(), "check", "--format", "json", fleet.toString()));
        Run here = java(List.of("-Dfailscope.relaunch=false", "-jar", jar.toString(), "check", "--format", "json",
                fleet.toString()));
        assertThat(relaunched.err()).isEqualTo(here.err());
        assertThat(relaunched.exit()).isEqualTo(here.exit()).isEqualTo(1); // the generated faults are errors
        assertThat(relaunched.out()).isEqualTo(here.out()).contains("\"findings\"");
        Run debug = java(List.of("-jar", jar.toString(), "check", "--debug", "--format", "json", fleet.toString()));
        assertThat(debug.err()).startsWith("failscope: running in a JVM with the launcher's flags")
                .contains("-XX:TieredStopAtLevel=1", "-Xmx512m", "-Dfailscope.relaunched=true", "-jar " + jar);
        assertThat(debug.out()).isEqualTo(here.out());
        assertThat(java(List.of("-Dfailscope.relaunch=false", "-jar", jar.toString(), "check", "--debug",
                fleet.toString())).err()).doesNotContain("running in a JVM");
        Run usage = java(List.of("-jar", jar.toString(), "check", "--no-such-option", fleet.toString()));
        assertThat(usage.exit()).isEqualTo(2);
        assertThat(usage.err()).contains("--no-such-option");
    }
}
