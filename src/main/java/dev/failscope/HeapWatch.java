package dev.failscope;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryNotificationInfo;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.function.IntConsumer;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Ends a run that has as good as run out of heap before the JVM says so. Near its limit the serial collector
 * (the launcher's) runs full collections back to back for a minute or more before it throws
 * {@link OutOfMemoryError}: a CI job that looks hung. When the old generation is still at least
 * {@value #FULL_PERCENT}% full after {@value #COLLECTIONS} collections of it, the run prints the same one line
 * as an {@link OutOfMemoryError} ({@link Launcher#outOfMemory}) and exits 2.
 *
 * <p>Asking the JVM for its memory pools costs a cold process about 20 ms, so {@link Launcher} starts the watch
 * only for inputs large for the heap ({@link #atRisk}).
 */
final class HeapWatch {
    static final int FULL_PERCENT = 97;
    static final int COLLECTIONS = 4;

    private HeapWatch() {}

    /** Whether an input of {@code bytes} may fill a heap of {@code maxHeap}: a model takes several times its YAML. */
    static boolean atRisk(long bytes, long maxHeap) {
        return bytes >= Math.min(Relaunch.LARGE_INPUT_BYTES, maxHeap / 8);
    }

    /**
     * Watches the old generation; when it stays full, prints the out-of-memory line to standard error and calls
     * {@code exit} with 2 (on the JVM's notification thread). Returns whether a pool could be watched.
     */
    static boolean start(IntConsumer exit) {
        boolean watching = false;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            String name = pool.getName();
            long max = pool.getUsage().getMax();
            if (pool.getType() == MemoryType.HEAP && pool.isCollectionUsageThresholdSupported() && max > 0
                    && (name.contains("Old") || name.contains("Tenured"))) {
                pool.setCollectionUsageThreshold(max / 100 * FULL_PERCENT);
                watching = true;
            }
        }
        if (!watching) {
            return false;
        }
        NotificationEmitter emitter = (NotificationEmitter) ManagementFactory.getMemoryMXBean();
        emitter.addNotificationListener((notification, handback) -> {
            if (MemoryNotificationInfo.MEMORY_COLLECTION_THRESHOLD_EXCEEDED.equals(notification.getType())
                    && MemoryNotificationInfo.from((CompositeData) notification.getUserData()).getCount()
                    >= COLLECTIONS) {
                System.err.println(Launcher.outOfMemory(Runtime.getRuntime().maxMemory()));
                System.err.flush();
                exit.accept(2);
            }
        }, null, null);
        return true;
    }
}
