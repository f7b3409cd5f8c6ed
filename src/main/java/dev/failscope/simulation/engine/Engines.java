package dev.failscope.simulation.engine;

import dev.failscope.model.FailoverPolicy;
import dev.failscope.model.ManagerKind;
import dev.failscope.model.ManagerSpec;

/** The engine of each manager: one stateless instance per kind. */
public final class Engines {
    private static final FailoverEngine NATIVE = new NativeEngine();
    private static final FailoverEngine SENTINEL = new SentinelEngine();
    private static final FailoverEngine PATRONI = new PatroniEngine();
    private static final FailoverEngine CNPG = new CnpgEngine();
    private static final FailoverEngine MHA = new MhaEngine();
    private static final FailoverEngine REPMGR = new RepmgrEngine();

    private Engines() {}

    public static FailoverEngine of(ManagerKind kind) {
        return switch (kind) {
            case NATIVE -> NATIVE;
            case SENTINEL -> SENTINEL;
            case PATRONI -> PATRONI;
            case CNPG -> CNPG;
            case MHA -> MHA;
            case REPMGR -> REPMGR;
        };
    }

    public static FailoverEngine of(ManagerSpec spec) {
        return of(spec.kind());
    }

    public static FailoverEngine of(FailoverPolicy policy) {
        return of(policy.manager());
    }
}
