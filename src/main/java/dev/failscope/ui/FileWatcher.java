package dev.failscope.ui;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Watches the folders of the loaded paths and calls back once per burst of changes (debounced). Runs on its
 * own daemon thread; {@link #close()} stops it.
 */
public final class FileWatcher implements AutoCloseable {
    private final long debounceMillis;
    private final Runnable onChange;
    private WatchService service;
    private Thread thread;

    public FileWatcher(long debounceMillis, Runnable onChange) {
        this.debounceMillis = debounceMillis;
        this.onChange = onChange;
    }

    /** Starts watching the paths (files: their folder; folders: the folder and every sub-folder). */
    public synchronized void watch(List<String> paths) {
        close();
        Set<Path> dirs = new LinkedHashSet<>();
        for (String p : paths) {
            dirs.addAll(folders(Path.of(p).toAbsolutePath()));
        }
        try {
            WatchService ws = FileSystems.getDefault().newWatchService();
            for (Path dir : dirs) {
                dir.register(ws, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
            service = ws;
        } catch (IOException e) {
            return; // cannot watch (e.g. folder vanished): Reload (F5) still works
        }
        WatchService ws = service;
        thread = new Thread(() -> loop(ws), "failscope-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private static List<Path> folders(Path path) {
        if (Files.isRegularFile(path)) {
            return path.getParent() == null ? List.of() : List.of(path.getParent());
        }
        if (!Files.isDirectory(path)) {
            return List.of();
        }
        List<Path> dirs = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(path, 8)) {
            walk.filter(Files::isDirectory).filter(d -> !d.getFileName().toString().startsWith(".")
                    || d.equals(path)).forEach(dirs::add);
        } catch (IOException | java.io.UncheckedIOException e) {
            dirs.add(path);
        }
        return dirs;
    }

    private void loop(WatchService ws) {
        try {
            while (true) {
                WatchKey key = ws.take();
                drain(key);
                // Debounce: wait until no event arrives for the debounce period.
                WatchKey more;
                while ((more = ws.poll(debounceMillis, TimeUnit.MILLISECONDS)) != null) {
                    drain(more);
                }
                onChange.run();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: stop quietly
        }
    }

    private static void drain(WatchKey key) {
        key.pollEvents();
        key.reset();
    }

    @Override
    public synchronized void close() {
        if (service != null) {
            try {
                service.close();
            } catch (IOException e) {
                // closing a watch service only fails if it is already broken; nothing to keep
            }
            service = null;
        }
        if (thread != null) {
            thread.interrupt();
            thread = null;
        }
    }
}
