package dev.failscope.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Files that are not plain files on disk: FIFOs, devices, sockets, and anything under /proc, /sys or /dev (whose
 * files can claim to be regular and then block forever, like /proc/kmsg). Folder expansion never opens them;
 * one named explicitly (such as {@code <(kubectl get ...)}, a pipe) is read with a time limit and a size limit.
 */
public final class SpecialFiles {
    /** How long an explicitly named special file may take to deliver its content. */
    public static final Duration TIMEOUT = Duration.ofSeconds(3);

    private static final Path[] PSEUDO = {Path.of("/proc"), Path.of("/sys"), Path.of("/dev")};

    private SpecialFiles() {}

    /** True for anything but a regular file outside /proc, /sys and /dev (after following links). */
    public static boolean isSpecial(Path p) {
        if (!Files.isRegularFile(p)) {
            return true;
        }
        Path real;
        try {
            real = p.toRealPath();
        } catch (IOException e) {
            return false;
        }
        for (Path root : PSEUDO) {
            if (real.startsWith(root)) {
                return true;
            }
        }
        return false;
    }

    /** The thrown reason when the content did not arrive in time. */
    static final class TimedOut extends IOException {
        private static final long serialVersionUID = 1L;

        TimedOut(String message) {
            super(message);
        }
    }

    /**
     * Reads at most {@code maxBytes + 1} bytes (so the caller can tell "over the limit") on one short-lived daemon
     * thread, giving up after {@link #TIMEOUT}: a FIFO nobody writes to cannot hang a check.
     */
    static byte[] read(Path p, long maxBytes) throws IOException {
        int limit = (int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1);
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (InputStream in = Files.newInputStream(p)) {
                result.complete(in.readNBytes(limit));
            } catch (IOException | RuntimeException e) {
                result.completeExceptionally(e);
            }
        }, "failscope-special-file-read");
        reader.setDaemon(true);
        reader.start();
        try {
            return result.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            reader.interrupt();
            throw new TimedOut("not a regular file, and it gave no complete content within " + TIMEOUT.toSeconds()
                    + " s (a FIFO nobody writes to, a device, or a /proc file?)");
        } catch (InterruptedException e) {
            reader.interrupt();
            Thread.currentThread().interrupt();
            throw new TimedOut("interrupted while reading");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause().getMessage(), e.getCause());
        }
    }
}
