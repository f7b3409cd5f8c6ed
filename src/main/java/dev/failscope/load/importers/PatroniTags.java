package dev.failscope.load.importers;

import dev.failscope.load.tree.PNode;
import dev.failscope.load.tree.PScalar;
import dev.failscope.load.tree.ScalarType;
import java.util.Optional;

/**
 * Patroni's tags read the way Patroni reads them: the boolean tags by Python truthiness of the YAML value
 * (patroni/patroni {@code patroni/tags.py}, {@code Tags._bool_tag}: {@code return bool(from_tags)}), so the
 * quoted string {@code "false"} is true, and {@code nofailover} wins over {@code failover_priority} when both
 * are written ({@code # Value of bool tag takes precedence over priority tag}).
 */
final class PatroniTags {
    private PatroniTags() {}

    /** Python's {@code bool(value)} of a YAML scalar: "true"/"false" for people and for the engine. */
    static String truthy(PScalar s) {
        return Boolean.toString(truth(s));
    }

    static boolean truth(PScalar s) {
        return switch (s.type()) {
            case NULL -> false;
            case BOOL -> Tree.parseBool(s.text()).orElse(false);
            case INT, FLOAT -> !s.text().trim().matches("[-+]?0*(\\.0*)?");
            case STRING -> !s.text().isEmpty();
        };
    }

    /** The truthiness of a boolean tag, empty when it is not written (or null). */
    static Optional<Boolean> bool(PNode doc, String... path) {
        return Tree.at(doc, path).filter(PScalar.class::isInstance).map(PScalar.class::cast)
                .filter(s -> s.type() != ScalarType.NULL).map(PatroniTags::truth);
    }

    /** Patroni's {@code parse_int} of {@code failover_priority}: a whole number, or empty. */
    static Optional<Long> integer(PNode doc, String... path) {
        return Tree.at(doc, path).filter(PScalar.class::isInstance).map(PScalar.class::cast)
                .map(s -> s.text().trim()).filter(t -> t.matches("-?\\d{1,18}")).map(Long::parseLong);
    }

    /**
     * Whether a member may never be promoted ({@code Tags.nofailover}): the truthiness of {@code nofailover}
     * when written, else (from Patroni 3.1, which brought {@code failover_priority}) a priority of 0 or less.
     */
    static boolean neverPromoted(Optional<Boolean> nofailover, Optional<Long> priority, boolean knowsPriority) {
        if (nofailover.isPresent()) {
            return nofailover.get();
        }
        return knowsPriority && priority.isPresent() && priority.get() <= 0;
    }
}
