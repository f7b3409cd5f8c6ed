package dev.failscope.analysis.rules;

import dev.failscope.analysis.Rule;
import dev.failscope.model.Finding;
import dev.failscope.model.Severity;
import dev.failscope.model.Topology;
import dev.failscope.model.UnknownKey;
import java.util.List;

/** A key the format does not define, usually a typo that silently drops a setting. */
public final class UnknownKeyRule implements Rule {
    @Override
    public String id() {
        return "unknown-key";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public String description() {
        return "a key the format does not define; suggests the closest valid key";
    }

    @Override
    public List<Finding> check(Topology topology) {
        return topology.unknownKeys().stream()
                .map(k -> finding(message(k), k.subject(), k.key(), k.position()))
                .toList();
    }

    private static String message(UnknownKey k) {
        String head = "unknown key '" + k.key() + "' in " + k.where();
        return k.suggestionOpt().map(s -> head + ": did you mean '" + s + "'?")
                .orElse(head + ": the format does not define it and it is ignored; remove it or see docs/format.md");
    }
}
