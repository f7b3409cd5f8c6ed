package dev.failscope.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Which manager governs a cluster, which release of it, and the manager's own settings that Failscope's common
 * model has no field for (Patroni {@code loop_wait}, CloudNativePG {@code dataDurability}, MHA
 * {@code ignore_fail} per server, ...). The failover engine of the kind reads them; everything else ignores them.
 *
 * @param kind     the manager
 * @param version  the release as written ({@code 3.0}, {@code 3.0.2}), or null for the newest Failscope models
 * @param position where the manager or its version was written (the {@code manager:} value, a config file)
 * @param settings cluster-wide settings by the manager's own key ({@code loop_wait}), with their positions
 * @param members  per-server settings ({@code failover_priority}, {@code ignore_fail}) by server name
 */
public record ManagerSpec(ManagerKind kind, String version, SourcePosition position, Map<String, Setting> settings,
                          Map<String, Map<String, Setting>> members) {
    /** The native format's ordered candidates, without settings. */
    public static final ManagerSpec NATIVE = new ManagerSpec(ManagerKind.NATIVE, null, null, Map.of(), Map.of());

    public ManagerSpec {
        Objects.requireNonNull(kind, "kind");
        settings = Map.copyOf(settings);
        Map<String, Map<String, Setting>> m = new LinkedHashMap<>();
        members.forEach((k, v) -> m.put(k, Map.copyOf(v)));
        members = java.util.Collections.unmodifiableMap(new TreeMap<>(m));
    }

    /** A manager without settings. */
    public static ManagerSpec of(ManagerKind kind, String version, SourcePosition position) {
        return new ManagerSpec(kind, version, position, Map.of(), Map.of());
    }

    /** A value and where it was written. */
    public record Setting(String value, SourcePosition at) {
        public Setting {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(at, "at");
        }
    }

    public Optional<String> versionOpt() {
        return Optional.ofNullable(version);
    }

    /** The release the engines assume: the one written, else the newest modelled. */
    public String effectiveVersion() {
        return version != null ? version : kind.newest();
    }

    /** True when the effective release is at least {@code major.minor}; unparsable versions count as newest. */
    public boolean atLeast(int major, int minor) {
        String v = effectiveVersion();
        if (v == null) {
            return true;
        }
        String[] parts = v.split("\\.");
        try {
            int ma = Integer.parseInt(parts[0]);
            int mi = parts.length > 1 ? Integer.parseInt(parts[1].replaceAll("\\D.*", "")) : 0;
            return ma > major || ma == major && mi >= minor;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    /** {@code Patroni 3.0.2}, or {@code Patroni (newest, 4.0)} when no version was given. */
    public String label() {
        if (kind == ManagerKind.NATIVE) {
            return kind.label();
        }
        return kind.label() + " " + (version != null ? version : kind.newest() + " (newest; no version given)");
    }

    public Optional<Setting> setting(String key) {
        return Optional.ofNullable(settings.get(key));
    }

    /** The member setting of {@code server}, if written. */
    public Optional<Setting> member(String server, String key) {
        return Optional.ofNullable(members.getOrDefault(server, Map.of()).get(key));
    }

    /** This spec with every member renamed (an importer's names matched to the inventory). */
    public ManagerSpec renamed(UnaryOperator<String> rename) {
        Map<String, Map<String, Setting>> m = new LinkedHashMap<>();
        members.forEach((k, v) -> m.merge(rename.apply(k), v, (a, b) -> a));
        return new ManagerSpec(kind, version, position, settings, m);
    }

    /** This spec with another version (an importer option), all else equal. */
    public ManagerSpec withVersion(String v, SourcePosition at) {
        return new ManagerSpec(kind, v, at != null ? at : position, settings, members);
    }

    /** Names of members that have settings, sorted. */
    public List<String> memberNames() {
        return List.copyOf(members.keySet());
    }
}
