package dev.failscope.lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Short commands (psql, chown, kill, --version) with a time limit; a command over its limit is killed. */
final class Exec {
    private Exec() {}

    /** Exit code (-1 when it ran over its limit) and combined output. */
    record Result(int exit, String output) {
        boolean timedOut() {
            return exit == -1;
        }
    }

    static Result run(Duration limit, List<String> command) {
        return run(limit, command, Map.of());
    }

    static Result run(Duration limit, List<String> command, Map<String, String> env) {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
        }
        try (InputStream in = p.getInputStream()) {
            p.getOutputStream().close();
            if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
                return new Result(-1, new String(in.readNBytes(in.available()), StandardCharsets.UTF_8));
            }
            return new Result(p.exitValue(), new String(in.readAllBytes(), StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            return new Result(-1, "interrupted");
        }
    }
}
