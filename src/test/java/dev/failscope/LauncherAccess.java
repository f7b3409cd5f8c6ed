package dev.failscope;

/** Test access to the launcher's package-private pieces. */
public final class LauncherAccess {
    private LauncherAccess() {}

    public static String outOfMemory(long maxHeapBytes) {
        return Launcher.outOfMemory(maxHeapBytes);
    }
}
