package dev.failscope.load.importers;

import dev.failscope.load.tree.PMap;
import dev.failscope.load.tree.PNode;
import dev.failscope.load.tree.PScalar;
import dev.failscope.load.tree.PSeq;
import dev.failscope.model.SourcePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The managed resources of a {@code terraform show -json} document, following HashiCorp's JSON output format:
 * a state's {@code values.root_module}, or a plan's {@code planned_values.root_module}, walked through
 * {@code child_modules}; plus, for a plan, each resource whose {@code resource_changes} entry only deletes it
 * (its {@code change.before} values, marked deleted at the {@code "delete"} action).
 */
final class TerraformResources {
    /**
     * One resource instance.
     *
     * @param address   full address such as {@code module.db.aws_db_instance.replica["eu"]}
     * @param type      resource type such as {@code aws_db_instance}
     * @param values    its attribute values
     * @param at        where the resource's address is written
     * @param deletedAt the {@code "delete"} action of a plan that deletes it, or null
     */
    record Resource(String address, String type, PMap values, SourcePosition at, SourcePosition deletedAt) {
        boolean deleted() {
            return deletedAt != null;
        }
    }

    private TerraformResources() {}

    static boolean isPlan(PMap doc) {
        return doc.get("planned_values").isPresent() || doc.get("resource_changes").isPresent();
    }

    static List<Resource> of(PMap doc) {
        List<Resource> out = new ArrayList<>();
        Tree.map(doc, isPlan(doc) ? "planned_values" : "values").flatMap(v -> Tree.map(v, "root_module"))
                .ifPresent(m -> module(m, out));
        for (PNode change : Tree.list(doc, "resource_changes")) {
            if (!(change instanceof PMap c) || !"managed".equals(Tree.text(c, "mode").orElse("managed"))) {
                continue;
            }
            Optional<PScalar> onlyDelete = deleteOnly(c);
            Optional<PMap> before = Tree.map(c, "change", "before");
            Optional<PScalar> address = Tree.scalar(c, "address");
            if (onlyDelete.isPresent() && before.isPresent() && address.isPresent()) {
                out.add(new Resource(address.get().text(), Tree.text(c, "type").orElse(""), before.get(),
                        address.get().position(), onlyDelete.get().position()));
            }
        }
        return out;
    }

    /** The "delete" action when the change's actions are exactly ["delete"] (a replacement is not a removal). */
    private static Optional<PScalar> deleteOnly(PMap change) {
        List<PNode> actions = Tree.list(change, "change", "actions");
        if (actions.size() == 1 && actions.get(0) instanceof PScalar s && "delete".equals(s.text())) {
            return Optional.of(s);
        }
        return Optional.empty();
    }

    private static void module(PMap module, List<Resource> out) {
        for (PNode r : Tree.list(module, "resources")) {
            if (!(r instanceof PMap m) || !"managed".equals(Tree.text(m, "mode").orElse("managed"))) {
                continue;
            }
            Optional<PScalar> address = Tree.scalar(m, "address");
            Optional<PMap> values = Tree.map(m, "values");
            if (address.isPresent() && values.isPresent()) {
                out.add(new Resource(address.get().text(), Tree.text(m, "type").orElse(""), values.get(),
                        address.get().position(), null));
            }
        }
        for (PNode child : Tree.list(module, "child_modules")) {
            if (child instanceof PMap c) {
                module(c, out);
            }
        }
    }

    /** The first object of a nested block, which the JSON format writes as a list of objects. */
    static Optional<PMap> block(PNode values, String name) {
        Optional<PNode> n = Tree.at(values, name);
        if (n.isPresent() && n.get() instanceof PSeq seq && !seq.items().isEmpty()
                && seq.items().get(0) instanceof PMap m) {
            return Optional.of(m);
        }
        return n.filter(PMap.class::isInstance).map(PMap.class::cast);
    }
}
