package dev.failscope;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** packaging/failscope run for real, with a stand-in {@code java} that prints the arguments it was given. */
class LauncherScriptTest {
    @TempDir
    Path dir;

    private List<String> run(Path home, String... args) throws Exception {
        Path fakeJava = dir.resolve("jdk").resolve("bin").resolve("java");
        Files.createDirectories(fakeJava.getParent());
        Files.writeString(fakeJava, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done\n");
        Files.setPosixFilePermissions(fakeJava, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> cmd = new ArrayList<>(List.of("sh", home.resolve("failscope").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", dir.resolve("jdk").toString());
        pb.environment().remove("FAILSCOPE_JAVA_OPTS");
        Process p = pb.start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return List.of(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n"));
    }

    private Path home(String name) throws IOException {
        Path home = dir.resolve(name);
        Files.createDirectories(home);
        Files.copy(Path.of("packaging/failscope"), home.resolve("failscope"));
        Files.writeString(home.resolve("failscope.jar"), "");
        Files.writeString(home.resolve("failscope.jsa"), "");
        return home;
    }

    @Test
    void aFolderWithSpacesStaysOneArgument() throws Exception {
        Path home = home("with spaces");
        List<String> args = run(home, "check", "--fail-on", "never", "my fleet");
        assertThat(args).containsSubsequence("-XX:SharedArchiveFile=" + home.resolve("failscope.jsa"),
                "-XX:TieredStopAtLevel=1", "-Dfailscope.relaunch=false", "-jar",
                home.resolve("failscope.jar").toString(), "check", "--fail-on", "never", "my fleet");
    }

    @Test
    void largeInputsGetBothCompilersAndTheGuiKeepsTheDefaults() throws Exception {
        Path home = home("plain");
        Path big = dir.resolve("big.yaml");
        try (var out = Files.newOutputStream(big)) {
            byte[] mb = new byte[1 << 20];
            java.util.Arrays.fill(mb, (byte) '#');
            for (int i = 0; i < 49; i++) {
                out.write(mb);
            }
        }
        assertThat(run(home, "check", big.toString())).containsAll(Relaunch.LARGE_FLAGS)
                .doesNotContain("-XX:TieredStopAtLevel=1");
        assertThat(run(home, "gui", big.toString())).doesNotContain("-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-Dfailscope.relaunch=false");
    }
}
