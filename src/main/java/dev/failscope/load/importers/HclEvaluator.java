package dev.failscope.load.importers;

import dev.failscope.load.importers.hcl.Hcl;
import dev.failscope.load.importers.hcl.Hcl.Expr;
import dev.failscope.load.tree.PEntry;
import dev.failscope.load.tree.PMap;
import dev.failscope.load.tree.PNode;
import dev.failscope.load.tree.PScalar;
import dev.failscope.load.tree.PSeq;
import dev.failscope.load.tree.ScalarType;
import dev.failscope.model.SourcePosition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Evaluates the literal part of Terraform expressions: literals, templates of literals, tuples and objects,
 * {@code var.X} (a {@code .tfvars} value, else the variable's default), {@code local.X}, {@code count.index},
 * {@code each.key} / {@code each.value}, and {@code TYPE.NAME.ATTR} when that resource of the module writes the
 * attribute as a literal (what {@code terraform plan} would also know). Everything else (function calls,
 * operators, conditionals, attributes known only after apply) is not evaluated: the caller keeps its references.
 * A value keeps the position where the expression is written, which is where a user would change it.
 */
final class HclEvaluator {
    /** Where the names of an expression come from. */
    interface Names {
        Optional<Expr> variable(String name);

        Optional<Expr> local(String name);

        /** The literal attribute {@code attr} of resource {@code type.name}, if the module writes one. */
        Optional<Expr> resourceAttribute(String type, String name, String attr);
    }

    private final Names names;
    private final Map<String, PNode> iteration;
    private final Set<String> evaluating = new HashSet<>();

    /** @param iteration {@code count.index}, {@code each.key}, {@code each.value} of the instance evaluated */
    HclEvaluator(Names names, Map<String, PNode> iteration) {
        this.names = names;
        this.iteration = Map.copyOf(iteration);
    }

    /** The value, positioned at {@code at} (scalars), or empty when it is not literal. */
    Optional<PNode> eval(Expr e, SourcePosition at) {
        if (evaluating.size() > 32) {
            return Optional.empty();
        }
        if (e instanceof Hcl.Literal l) {
            return Optional.of(scalar(l, at));
        }
        if (e instanceof Hcl.Template t) {
            StringBuilder sb = new StringBuilder();
            for (Expr part : t.parts()) {
                Optional<PNode> v = eval(part, at);
                if (v.isEmpty() || !(v.get() instanceof PScalar s) || s.isNull()) {
                    return Optional.empty();
                }
                sb.append(s.text());
            }
            return Optional.of(new PScalar(sb.toString(), ScalarType.STRING, at));
        }
        if (e instanceof Hcl.Tuple t) {
            List<PNode> items = new ArrayList<>();
            for (Expr item : t.items()) {
                Optional<PNode> v = eval(item, item.at());
                if (v.isEmpty()) {
                    return Optional.empty();
                }
                items.add(v.get());
            }
            return Optional.of(new PSeq(items, at));
        }
        if (e instanceof Hcl.ObjectExpr o) {
            List<PEntry> entries = new ArrayList<>();
            for (Hcl.Attribute a : o.entries()) {
                Optional<PNode> v = eval(a.value(), a.value().at());
                if (v.isEmpty()) {
                    return Optional.empty();
                }
                entries.add(new PEntry(new PScalar(a.name(), ScalarType.STRING, a.at()), v.get()));
            }
            return Optional.of(new PMap(entries, at));
        }
        if (e instanceof Hcl.Reference r) {
            return reference(r.path(), at);
        }
        return Optional.empty();
    }

    private Optional<PNode> reference(List<String> path, SourcePosition at) {
        String head = path.get(0);
        if ((head.equals("count") || head.equals("each")) && path.size() >= 2) {
            PNode v = iteration.get(head + "." + path.get(1));
            return v == null ? Optional.empty() : index(v, path.subList(2, path.size()), at);
        }
        Optional<Expr> target = Optional.empty();
        int used = 2;
        String key = String.join(".", path.subList(0, Math.min(3, path.size())));
        if (head.equals("var") && path.size() >= 2) {
            target = names.variable(path.get(1));
        } else if (head.equals("local") && path.size() >= 2) {
            target = names.local(path.get(1));
        } else if (path.size() >= 3 && !Set.of("data", "module", "path", "terraform", "self").contains(head)) {
            target = names.resourceAttribute(head, path.get(1), path.get(2));
            used = 3;
        }
        if (target.isEmpty() || !evaluating.add(key)) {
            return Optional.empty();
        }
        try {
            Optional<PNode> v = eval(target.get(), at);
            List<String> rest = path.subList(Math.min(used, path.size()), path.size());
            return v.flatMap(n -> index(n, rest, at));
        } finally {
            evaluating.remove(key);
        }
    }

    /** {@code value.key} / {@code value[0]} into an evaluated map or list. */
    private static Optional<PNode> index(PNode v, List<String> rest, SourcePosition at) {
        PNode cur = v;
        for (String k : rest) {
            if (cur instanceof PMap m) {
                cur = m.get(k).orElse(null);
            } else if (cur instanceof PSeq s && k.matches("\\d{1,6}") && Integer.parseInt(k) < s.items().size()) {
                cur = s.items().get(Integer.parseInt(k));
            } else {
                cur = null;
            }
            if (cur == null) {
                return Optional.empty();
            }
        }
        return Optional.of(cur instanceof PScalar s ? new PScalar(s.text(), s.type(), at) : cur);
    }

    static PScalar scalar(Hcl.Literal l, SourcePosition at) {
        ScalarType type = switch (l.kind()) {
            case STRING -> ScalarType.STRING;
            case BOOL -> ScalarType.BOOL;
            case NULL -> ScalarType.NULL;
            case NUMBER -> l.value().matches("-?\\d+") ? ScalarType.INT : ScalarType.FLOAT;
        };
        return new PScalar(l.value(), type, at);
    }

    /** The references an expression makes, as Terraform's plan lists them ({@code a.b.c} and {@code a.b}). */
    static List<String> references(Expr e) {
        List<String> out = new ArrayList<>();
        collect(e, out);
        return out;
    }

    private static void collect(Expr e, List<String> out) {
        if (e instanceof Hcl.Reference r) {
            out.add(String.join(".", r.path()));
            if (r.path().size() > 2) {
                out.add(String.join(".", r.path().subList(0, 2)));
            }
        } else if (e instanceof Hcl.Computed c) {
            c.references().forEach(r -> collect(r, out));
        } else if (e instanceof Hcl.Template t) {
            t.parts().forEach(p -> collect(p, out));
        } else if (e instanceof Hcl.Tuple t) {
            t.items().forEach(p -> collect(p, out));
        } else if (e instanceof Hcl.ObjectExpr o) {
            o.entries().forEach(a -> collect(a.value(), out));
        }
    }
}
