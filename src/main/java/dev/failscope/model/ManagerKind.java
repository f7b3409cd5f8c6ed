package dev.failscope.model;

import java.util.Locale;
import java.util.Optional;

/**
 * The failover manager that governs a cluster: it decides who may be promoted, in which order, when and how fast.
 * {@link #NATIVE} is the native format's ordered-candidate semantics.
 */
public enum ManagerKind {
    NATIVE("native", "Failscope ordered candidates", null),
    PATRONI("patroni", "Patroni", "4.0"),
    SENTINEL("sentinel", "Redis Sentinel", "7.4"),
    CNPG("cnpg", "CloudNativePG", "1.27"),
    MHA("mha", "MHA", "0.58");

    private final String id;
    private final String label;
    private final String newest;

    ManagerKind(String id, String label, String newest) {
        this.id = id;
        this.label = label;
        this.newest = newest;
    }

    /** {@code patroni}: the spelling in {@code manager: patroni@3.0}. */
    public String id() {
        return id;
    }

    /** {@code Patroni}: the name for people. */
    public String label() {
        return label;
    }

    /** The newest release Failscope models, used when no version is given; null for native. */
    public String newest() {
        return newest;
    }

    /** The kind named {@code id} ({@code patroni}, {@code sentinel}, ...; {@code zalando} is Patroni). */
    public static Optional<ManagerKind> byId(String id) {
        String k = id.trim().toLowerCase(Locale.ROOT);
        if (k.equals("zalando") || k.equals("spilo")) {
            return Optional.of(PATRONI);
        }
        if (k.equals("redis-sentinel") || k.equals("redis")) {
            return Optional.of(SENTINEL);
        }
        if (k.equals("cloudnative-pg") || k.equals("cloudnativepg")) {
            return Optional.of(CNPG);
        }
        for (ManagerKind m : values()) {
            if (m.id.equals(k)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
