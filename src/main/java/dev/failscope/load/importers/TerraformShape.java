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
 * The structure of a {@code terraform show -json} document that Failscope reads, checked before it is read: a key
 * the format defines, written with the wrong type ({@code "resources": "oops"}), is a positioned error instead of
 * being passed over, so a damaged plan never reads as a plan without the resources it lost.
 */
final class TerraformShape {
    /** One key written with the wrong type. */
    record Problem(String message, SourcePosition at) {}

    private enum Type {
        OBJECT("an object"), ARRAY("an array"), STRING("a string"), OBJECT_OR_NULL("an object or null");

        final String label;

        Type(String label) {
            this.label = label;
        }
    }

    private final List<Problem> problems = new ArrayList<>();

    private TerraformShape() {}

    static List<Problem> check(PMap doc) {
        TerraformShape s = new TerraformShape();
        for (String top : List.of("values", "planned_values")) {
            s.expect(doc, top, Type.OBJECT).ifPresent(v -> s.expect(v, "root_module", Type.OBJECT)
                    .ifPresent(s::module));
        }
        s.expect(doc, "prior_state", Type.OBJECT).ifPresent(p -> s.expect(p, "values", Type.OBJECT)
                .ifPresent(v -> s.expect(v, "root_module", Type.OBJECT).ifPresent(s::module)));
        s.expect(doc, "resource_changes", Type.ARRAY).ifPresent(changes -> {
            for (PNode c : ((PSeq) changes).items()) {
                if (s.element(c, "resource_changes", Type.OBJECT)) {
                    PMap change = (PMap) c;
                    s.expect(change, "address", Type.STRING);
                    s.expect(change, "type", Type.STRING);
                    s.expect(change, "mode", Type.STRING);
                    s.expect(change, "change", Type.OBJECT).ifPresent(ch -> {
                        s.expect(ch, "actions", Type.ARRAY);
                        s.expect(ch, "before", Type.OBJECT_OR_NULL);
                        s.expect(ch, "after", Type.OBJECT_OR_NULL);
                    });
                }
            }
        });
        return List.copyOf(s.problems);
    }

    private void module(PNode module) {
        PMap m = (PMap) module;
        expect(m, "resources", Type.ARRAY).ifPresent(rs -> {
            for (PNode r : ((PSeq) rs).items()) {
                if (element(r, "resources", Type.OBJECT)) {
                    PMap resource = (PMap) r;
                    expect(resource, "address", Type.STRING);
                    expect(resource, "type", Type.STRING);
                    expect(resource, "mode", Type.STRING);
                    expect(resource, "values", Type.OBJECT);
                }
            }
        });
        expect(m, "child_modules", Type.ARRAY).ifPresent(cs -> {
            for (PNode c : ((PSeq) cs).items()) {
                if (element(c, "child_modules", Type.OBJECT)) {
                    module(c);
                }
            }
        });
    }

    /** The value of {@code key} when it is written with the expected type; a problem when it has another. */
    private Optional<PNode> expect(PNode parent, String key, Type type) {
        if (!(parent instanceof PMap map)) {
            return Optional.empty();
        }
        Optional<PNode> value = map.get(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        PNode v = value.get();
        if (fits(v, type)) {
            return type == Type.OBJECT_OR_NULL && v instanceof PScalar ? Optional.empty() : value;
        }
        problems.add(new Problem("Terraform JSON: \"" + key + "\" must be " + type.label + ", not " + v.describe(),
                v.position()));
        return Optional.empty();
    }

    private boolean element(PNode item, String list, Type type) {
        if (fits(item, type)) {
            return true;
        }
        problems.add(new Problem("Terraform JSON: each entry of \"" + list + "\" must be " + type.label + ", not "
                + item.describe(), item.position()));
        return false;
    }

    private static boolean fits(PNode v, Type type) {
        return switch (type) {
            case OBJECT -> v instanceof PMap;
            case ARRAY -> v instanceof PSeq;
            case STRING -> v instanceof PScalar s && !s.isNull();
            case OBJECT_OR_NULL -> v instanceof PMap || v instanceof PScalar s && s.isNull();
        };
    }
}
