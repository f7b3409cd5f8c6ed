package dev.failscope.load;

import java.util.Optional;

/**
 * How to load.
 *
 * @param forcedFormat an importer id ({@code --as FORMAT}) that every file named explicitly is read as, skipping
 *                     content detection; files found in directories are still detected. Null: detect all.
 */
public record LoadOptions(String forcedFormat) {
    public static final LoadOptions DEFAULT = new LoadOptions(null);

    public Optional<String> forcedFormatOpt() {
        return Optional.ofNullable(forcedFormat);
    }
}
