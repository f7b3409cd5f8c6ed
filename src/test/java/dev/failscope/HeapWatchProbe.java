package dev.failscope;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * Child JVM of {@link HeapWatchTest}: starts the watch, fills the old generation to about 99% with live data,
 * then runs full collections. With the watch working it exits 2 with the out-of-memory line; without, it prints
 * "no watch" and exits 0. Not a test itself.
 */
public final class HeapWatchProbe {
    private HeapWatchProbe() {}

    public static void main(String[] args) {
        if (!HeapWatch.start(code -> Runtime.getRuntime().halt(code))) {
            System.out.println("no pool");
            return;
        }
        MemoryPoolMXBean old = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getName().contains("Tenured") || p.getName().contains("Old")).findFirst()
                .orElseThrow();
        long max = old.getUsage().getMax();
        List<byte[]> live = new ArrayList<>();
        while (true) {
            System.gc();
            if (old.getUsage().getUsed() >= max / 100 * 99) {
                break;
            }
            long room = max / 100 * 99 - old.getUsage().getUsed();
            live.add(new byte[(int) Math.max(1024, Math.min(1 << 20, room / 2))]);
        }
        for (int i = 0; i < 20; i++) {
            System.gc();
            sleep();
        }
        System.out.println("no watch, " + live.size() + " arrays");
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
