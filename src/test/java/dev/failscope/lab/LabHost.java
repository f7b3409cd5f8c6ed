package dev.failscope.lab;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The machine the lab runs on: the binaries it needs (missing ones fail the lab, they never skip it), their
 * pinned major versions, the unprivileged user PostgreSQL needs, ports, and bounded waits.
 */
final class LabHost {
    static final String LAB_USER = "lab";
    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    static final Path SCRATCH = Path.of("target", "lab").toAbsolutePath();
    private static Boolean root;

    private LabHost() {}

    static boolean isRoot() {
        if (root == null) {
            root = "0".equals(Exec.run(Duration.ofSeconds(5), List.of("id", "-u")).output().trim());
        }
        return root;
    }

    /**
     * The version a binary reports, checked against the pinned one: {@code pinned} is a regex on the version text
     * ({@code 7\.0\..*}). Fails (never skips) when the binary is absent or another version is installed.
     */
    static String requireVersion(String binary, String debianPackage, String pinned, String... versionArgs) {
        Path path = which(binary).orElse(null);
        if (path == null) {
            fail("the reality lab needs '" + binary + "' (Debian package " + debianPackage + "): install it with "
                    + "apt-get install " + debianPackage + " (.ci/run does), or run the default build without -Plab");
        }
        List<String> cmd = new ArrayList<>(List.of(path.toString()));
        cmd.addAll(List.of(versionArgs));
        String out = Exec.run(Duration.ofSeconds(20), cmd).output();
        Matcher m = Pattern.compile("(\\d+\\.\\d+(\\.\\d+)?)").matcher(out);
        String version = m.find() ? m.group(1) : "";
        if (!version.matches(pinned)) {
            fail(binary + " reports version '" + version + "' (" + out.lines().findFirst().orElse("") + "), the lab "
                    + "is pinned to " + pinned + ": behaviour differs between releases (issue 10, point 7)");
        }
        return version;
    }

    static Optional<Path> which(String binary) {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
        dirs.addAll(List.of("/usr/bin", "/usr/sbin", "/bin", "/sbin", PatroniLab.PG_BIN));
        return dirs.stream().filter(d -> !d.isEmpty()).map(d -> Path.of(d, binary)).filter(Files::isExecutable)
                .findFirst();
    }

    /** As root, the unprivileged user PostgreSQL runs as (created when absent). */
    static void ensureLabUser() {
        if (!isRoot()) {
            return;
        }
        if (Exec.run(Duration.ofSeconds(5), List.of("id", LAB_USER)).exit() != 0) {
            Exec.Result r = Exec.run(Duration.ofSeconds(30), List.of("useradd", "--system", "--no-create-home",
                    "--shell", "/usr/sbin/nologin", LAB_USER));
            if (r.exit() != 0) {
                fail("cannot create user '" + LAB_USER + "' (PostgreSQL refuses to run as root): " + r.output());
            }
        }
    }

    static void chownToLab(Path dir) {
        if (isRoot()) {
            Exec.Result r = Exec.run(Duration.ofSeconds(30), List.of("chown", "-R", LAB_USER + ":" + LAB_USER,
                    dir.toString()));
            if (r.exit() != 0) {
                fail("chown " + dir + ": " + r.output());
            }
        }
    }

    /** A fresh, empty scratch folder {@code target/lab/LAB/SCENARIO}. */
    static Path freshDir(String lab, String scenario) {
        Path dir = SCRATCH.resolve(lab).resolve(scenario);
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> walk = Files.walk(dir)) {
                    for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            Files.createDirectories(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void requireFree(int... ports) {
        for (int port : ports) {
            try (ServerSocket s = new ServerSocket()) {
                s.bind(new InetSocketAddress(LOOPBACK, port));
            } catch (IOException e) {
                fail("port " + port + " on 127.0.0.1 is taken (another lab run, or a distribution service?): the "
                        + "lab's ports are fixed, so the labs run one at a time");
            }
        }
    }

    static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(LOOPBACK, port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Polls {@code probe} every 100 ms until it holds a value or {@code limit} passes. */
    static <T> Optional<T> poll(Duration limit, Supplier<Optional<T>> probe) {
        long end = System.nanoTime() + limit.toNanos();
        while (true) {
            Optional<T> v = probe.get();
            if (v.isPresent() || System.nanoTime() > end) {
                return v;
            }
            sleep(Duration.ofMillis(100));
        }
    }

    /** Like {@link #poll} but a timeout fails the scenario's setup with {@code what}. */
    static <T> T await(Duration limit, String what, Supplier<Optional<T>> probe) {
        return poll(limit, probe).orElseGet(() -> fail("lab setup: " + what + " did not happen within "
                + limit.toSeconds() + " s"));
    }

    static void awaitCondition(Duration limit, String what, Supplier<Boolean> condition) {
        await(limit, what, () -> condition.get() ? Optional.of(Boolean.TRUE) : Optional.empty());
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
