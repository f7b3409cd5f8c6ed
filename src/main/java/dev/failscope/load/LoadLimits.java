package dev.failscope.load;

/**
 * Safety limits for untrusted input.
 *
 * @param maxFileBytes      largest file read
 * @param maxAliases        largest number of YAML aliases to collections per document
 * @param maxDepth          deepest nesting of maps and lists
 * @param maxAliasExpansion largest number of nodes that YAML aliases may add to a document when expanded, which
 *                          is what stops a "billion laughs" document with few aliases but exponential fan-out
 */
public record LoadLimits(long maxFileBytes, int maxAliases, int maxDepth, long maxAliasExpansion) {
    public static final LoadLimits DEFAULT = new LoadLimits(64L * 1024 * 1024, 100, 100, 100_000);

    /**
     * Longest line of a YAML file, in characters. SnakeYAML's reader copies its window for every 1,024 characters
     * of one token, so a line's cost grows with its square: a 1,000,000-character comment took 15 s.
     * 100,000 characters stay under 0.2 s. JSON (Jackson) has no such cost and no such limit.
     */
    public static final int MAX_YAML_LINE = 100_000;

    /** An error at the first line longer than {@link #MAX_YAML_LINE}, if any. */
    public static java.util.Optional<LoadError> longLine(String text, String file, String format) {
        int line = 1;
        int start = 0;
        int n = text.length();
        while (start <= n) {
            int end = text.indexOf('\n', start); // an intrinsic: the scan costs little next to the parse
            if (end < 0) {
                end = n;
            }
            int length = end - start;
            if (length > MAX_YAML_LINE) {
                return java.util.Optional.of(new LoadError("line is " + length + " characters long, over the "
                        + "limit of " + MAX_YAML_LINE + " for " + format + " (split it, or write the file as JSON)",
                        new dev.failscope.model.SourcePosition(file, line, 1)));
            }
            line++;
            start = end + 1;
        }
        return java.util.Optional.empty();
    }

    public LoadLimits {
        if (maxFileBytes <= 0 || maxAliases < 0 || maxDepth <= 0 || maxAliasExpansion < 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
