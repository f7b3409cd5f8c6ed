package dev.failscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileWatcherTest {
    @Test
    void aBurstOfChangesToAWatchedFolderCallsBack(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("a.yaml");
        Files.writeString(file, "kind: inventory\n");
        CountDownLatch changed = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        try (FileWatcher watcher = new FileWatcher(200, () -> {
            calls.incrementAndGet();
            changed.countDown();
        })) {
            watcher.watch(List.of(tmp.toString()));
            for (int i = 0; i < 5; i++) {
                Files.writeString(file, "kind: inventory\n# edit " + i + "\n");
            }
            assertThat(changed.await(30, TimeUnit.SECONDS)).as("callback after the edits").isTrue();
        }
        assertThat(calls.get()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void closingStopsTheThreadAndAMissingPathIsNotAnError(@TempDir Path tmp) {
        FileWatcher watcher = new FileWatcher(50, () -> { });
        watcher.watch(List.of(tmp.resolve("nope").toString()));
        watcher.watch(List.of(tmp.toString()));
        watcher.close();
        watcher.close();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("failscope-watch")
                && t.isAlive() && !t.isInterrupted() && t.getState() == Thread.State.RUNNABLE);
    }
}
