package dev.failscope.cli;

/** Process exit codes shared by every command. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int LOAD_OR_USAGE = 2;
    public static final int INTERNAL = 3;

    private ExitCodes() {}
}
