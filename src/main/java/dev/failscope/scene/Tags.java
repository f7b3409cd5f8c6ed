package dev.failscope.scene;

/** The words of the scene's tags, for backends' legends and for tests. */
public final class Tags {
    public static final String FAILED = "✖ FAILED";
    public static final String PROMOTED = "♛ PROMOTED";
    public static final String TRYING = "⟳ TRYING";
    public static final String SKIPPED = "✖ SKIPPED";
    public static final String STALE = "STALE";
    public static final String NO_PRIMARY = "✖ NO PRIMARY";
    public static final String DEGRADED = "▲ DEGRADED";
    public static final String SPOF = "⚠ SPOF";
    /** The running cluster differs from the config here ({@code failscope drift}). */
    public static final String DRIFT = "≠ DRIFT";
    public static final String MAINT = "MAINT";
    public static final String NO_FAILOVER = "NO-FAILOVER";

    private Tags() {}
}
