package dev.failscope.load;

import dev.failscope.model.ManagerKind;
import java.util.List;
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
 * @param managerVersions the release of each failover manager the imported configs run under
 *                     ({@code --manager-version patroni@3.0.2}); a manager without an entry is taken as the newest
 *                     release Failscope models. The native {@code manager:} field names its own.
 * @param inventories  paths ({@code --inventory}) whose servers are the authoritative inventory: loaded like any
 *                     path, and servers that imported configs name but these files do not declare are missing
 *                     (as with {@code authoritative: true} in a native inventory)
 */
public record LoadOptions(String forcedFormat, Map<String, String> displayNames,
                          Map<ManagerKind, String> managerVersions, List<String> inventories) {
    public static final LoadOptions DEFAULT = new LoadOptions(null);

    public LoadOptions {
        displayNames = Map.copyOf(displayNames);
        managerVersions = Map.copyOf(managerVersions);
        inventories = List.copyOf(inventories);
    }

    public LoadOptions(String forcedFormat, Map<String, String> displayNames,
                       Map<ManagerKind, String> managerVersions) {
        this(forcedFormat, displayNames, managerVersions, List.of());
    }

    public LoadOptions(String forcedFormat, Map<String, String> displayNames) {
        this(forcedFormat, displayNames, Map.of());
    }

    public LoadOptions(String forcedFormat) {
        this(forcedFormat, Map.of());
    }

    /** These options with the release of a manager. */
    public LoadOptions withManagerVersion(ManagerKind kind, String version) {
        Map<ManagerKind, String> v = new java.util.HashMap<>(managerVersions);
        v.put(kind, version);
        return new LoadOptions(forcedFormat, displayNames, v, inventories);
    }

    /** These options with {@code --inventory} paths. */
    public LoadOptions withInventories(List<String> paths) {
        return new LoadOptions(forcedFormat, displayNames, managerVersions, paths);
    }

    public Optional<String> forcedFormatOpt() {
        return Optional.ofNullable(forcedFormat);
    }

    /** These options, showing {@code path} as {@code name}. */
    public LoadOptions withDisplayName(String path, String name) {
        Map<String, String> names = new java.util.HashMap<>(displayNames);
        names.put(path, name);
        return new LoadOptions(forcedFormat, names, managerVersions, inventories);
    }

    /** How to show a path argument. */
    public String display(String path) {
        return displayNames.getOrDefault(path, path);
    }
}
