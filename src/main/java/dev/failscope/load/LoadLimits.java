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

    public LoadLimits {
        if (maxFileBytes <= 0 || maxAliases < 0 || maxDepth <= 0 || maxAliasExpansion < 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
