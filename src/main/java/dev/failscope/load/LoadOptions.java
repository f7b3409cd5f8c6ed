package dev.failscope.load;

import java.util.Map;
import java.util.Optional;

/**
 * How to load.
 *
 * @param forcedFormat an importer id ({@code --as FORMAT}) that every file named explicitly is read as, skipping
 *                     content detection; files found in directories are still detected. Null: detect all.
 * @param displayNames how to show a path argument in positions and messages, when not as given: for example the
 *                     GUI shows the sample it unpacked to a temporary folder as {@code catifyme}, not as that
 *                     folder. Arguments without an entry are shown exactly as given.
 */
public record LoadOptions(String forcedFormat, Map<String, String> displayNames) {
    public static final LoadOptions DEFAULT = new LoadOptions(null);

    public LoadOptions {
        displayNames = Map.copyOf(displayNames);
    }

    public LoadOptions(String forcedFormat) {
        this(forcedFormat, Map.of());
    }

    public Optional<String> forcedFormatOpt() {
        return Optional.ofNullable(forcedFormat);
    }

    /** These options, showing {@code path} as {@code name}. */
    public LoadOptions withDisplayName(String path, String name) {
        Map<String, String> names = new java.util.HashMap<>(displayNames);
        names.put(path, name);
        return new LoadOptions(forcedFormat, names);
    }

    /** How to show a path argument. */
    public String display(String path) {
        return displayNames.getOrDefault(path, path);
    }
}
