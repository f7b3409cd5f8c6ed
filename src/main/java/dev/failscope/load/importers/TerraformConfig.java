package dev.failscope.load.importers;

import dev.failscope.load.importers.TerraformResources.Resource;
import dev.failscope.load.tree.PEntry;
import dev.failscope.load.tree.PMap;
import dev.failscope.load.tree.PNode;
import dev.failscope.load.tree.PScalar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A plan's {@code configuration} block: which resource an attribute refers to when its value is unknown until
 * apply (a new Aurora cluster's id, a generated identifier). Follows {@code expressions.ATTR.references} within
 * the resource's module.
 */
final class TerraformConfig {
    /** Config address without instance keys (module.db.aws_rds_cluster.this) to its expressions. */
    private final Map<String, PMap> expressions = new HashMap<>();

    /** Expressions already collected by config address (from HCL). */
    TerraformConfig(Map<String, PMap> byAddress) {
        expressions.putAll(byAddress);
    }

    TerraformConfig(PMap doc) {
        Tree.map(doc, "configuration", "root_module").ifPresent(m -> module("", m));
    }

    private void module(String prefix, PMap module) {
        for (PNode r : Tree.list(module, "resources")) {
            Optional<String> address = Tree.text(r, "address");
            Optional<PMap> expr = Tree.map(r, "expressions");
            if (address.isPresent() && expr.isPresent()) {
                expressions.put(prefix + address.get(), expr.get());
            }
        }
        Tree.map(module, "module_calls").ifPresent(calls -> {
            for (PEntry call : calls.entries()) {
                Tree.map(call.value(), "module").ifPresent(m -> module(prefix + "module." + call.key().text() + ".", m));
            }
        });
    }

    /** Strips instance keys: {@code module.a["x"].t.n[1]} is {@code module.a.t.n}. */
    static String configAddress(String address) {
        return address.replaceAll("\\[[^\\]]*]", "");
    }

    /** The config address of the managed resource that {@code attribute} of {@code r} refers to, if any. */
    Optional<String> reference(Resource r, String attribute) {
        String self = configAddress(r.address());
        PMap expr = expressions.get(self);
        if (expr == null) {
            return Optional.empty();
        }
        String prefix = self.substring(0, self.length() - (r.type().length() + 1
                + self.substring(self.lastIndexOf('.') + 1).length()));
        for (PNode ref : Tree.list(expr, attribute, "references")) {
            if (ref instanceof PScalar s) {
                String[] parts = configAddress(s.text()).split("\\.");
                if (parts.length >= 2 && !List.of("var", "local", "module", "data", "each", "count", "path")
                        .contains(parts[0])) {
                    return Optional.of(prefix + parts[0] + "." + parts[1]);
                }
            }
        }
        return Optional.empty();
    }
}
