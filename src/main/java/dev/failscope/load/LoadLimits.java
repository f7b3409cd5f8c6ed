package dev.failscope.load;

/**
 * Safety limits for untrusted input.
 *
 * @param maxFileBytes largest file read
 * @param maxAliases   largest number of YAML aliases to collections per document ("billion laughs")
 * @param maxDepth     deepest nesting of maps and lists
 */
public record LoadLimits(long maxFileBytes, int maxAliases, int maxDepth) {
    public static final LoadLimits DEFAULT = new LoadLimits(64L * 1024 * 1024, 100, 100);

    public LoadLimits {
        if (maxFileBytes <= 0 || maxAliases < 0 || maxDepth <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
