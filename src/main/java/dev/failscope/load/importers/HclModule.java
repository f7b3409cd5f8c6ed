package dev.failscope.load.importers;

import dev.failscope.load.importers.TerraformResources.Resource;
import dev.failscope.load.importers.hcl.Hcl;
import dev.failscope.load.importers.hcl.Hcl.Block;
import dev.failscope.load.importers.hcl.Hcl.Expr;
import dev.failscope.load.tree.PEntry;
import dev.failscope.load.tree.PMap;
import dev.failscope.load.tree.PNode;
import dev.failscope.load.tree.PScalar;
import dev.failscope.load.tree.PSeq;
import dev.failscope.load.tree.ScalarType;
import dev.failscope.model.SourcePosition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One Terraform module as written: the {@code .tf} and {@code .tfvars} files of one folder. Turns its database
 * resources into the same {@link Resource} records a {@code terraform show -json} plan gives (values that are
 * literal, nested blocks as lists of objects, {@code count} and literal {@code for_each} expanded into
 * instances {@code type.name[0]} / {@code type.name["key"]}), plus the configuration references of the values
 * that are not, so {@link TerraformMapper} maps both the same way.
 */
final class HclModule implements HclEvaluator.Names {
    /** The resource types read, as {@link TerraformMapper} maps them. */
    static final Set<String> TYPES = Set.of(TerraformMapper.RDS, TerraformMapper.AURORA,
            TerraformMapper.AURORA_INSTANCE, TerraformMapper.CLOUD_SQL, TerraformMapper.AURORA_GLOBAL);

    /** Attributes whose value decides the topology: a computed one is said ({@code assumed-value}). */
    private static final Set<String> DECISIVE = Set.of("identifier", "cluster_identifier", "name",
            "replicate_source_db", "master_instance_name", "multi_az", "availability_type", "promotion_tier",
            "availability_zone", "instance_class", "global_cluster_identifier", "failover_target", "region");

    /** One parsed file. */
    record File(SourceText source, Hcl.Body body, boolean vars) {}

    private final ImportContext ctx;
    private final List<File> files;
    private final Map<String, Expr> variables = new LinkedHashMap<>();
    private final Map<String, Expr> tfvars = new LinkedHashMap<>();
    private final Map<String, Expr> locals = new LinkedHashMap<>();
    private final Map<String, Block> resources = new LinkedHashMap<>();
    private final Map<String, PMap> expressions = new HashMap<>();
    private final Set<SourcePosition> said = new java.util.HashSet<>();

    HclModule(ImportContext ctx, List<File> files) {
        this.ctx = ctx;
        this.files = files;
        for (File f : files) {
            if (f.vars()) {
                f.body().attributes().forEach(a -> tfvars.put(a.name(), a.value()));
                continue;
            }
            for (Block b : f.body().blocks()) {
                switch (b.type()) {
                    case "variable" -> b.body().attribute("default").ifPresent(d -> variables.put(b.label(0),
                            d.value()));
                    case "locals" -> b.body().attributes().forEach(a -> locals.put(a.name(), a.value()));
                    case "resource" -> resources.putIfAbsent(b.label(0) + "." + b.label(1), b);
                    default -> { }
                }
            }
        }
    }

    /** True when the file declares something this module reads (a database resource, a variable, locals). */
    static boolean contributes(File f) {
        return f.vars() || f.body().blocks().stream().anyMatch(b -> b.type().equals("variable")
                || b.type().equals("locals") || b.type().equals("resource") && TYPES.contains(b.label(0)));
    }

    /** True when any file of the module has a database resource. */
    boolean hasDatabases() {
        return resources.values().stream().anyMatch(b -> TYPES.contains(b.label(0)));
    }

    @Override
    public Optional<Expr> variable(String name) {
        return Optional.ofNullable(tfvars.get(name)).or(() -> Optional.ofNullable(variables.get(name)));
    }

    @Override
    public Optional<Expr> local(String name) {
        return Optional.ofNullable(locals.get(name));
    }

    @Override
    public Optional<Expr> resourceAttribute(String type, String name, String attr) {
        Block b = resources.get(type + "." + name);
        if (b == null || b.body().attribute("count").isPresent() || b.body().attribute("for_each").isPresent()) {
            return Optional.empty();
        }
        return b.body().attribute(attr).map(Hcl.Attribute::value);
    }

    void map() {
        List<Resource> out = new ArrayList<>();
        for (File f : files) {
            if (f.vars()) {
                continue;
            }
            for (Block b : f.body().blocks()) {
                if (b.type().equals("resource") && TYPES.contains(b.label(0)) && b.labels().size() >= 2) {
                    instances(b, out);
                } else if (b.type().equals("module")) {
                    String source = b.body().attribute("source").map(a -> a.value().source()).orElse("?");
                    ctx.assumed("module", "module '" + b.label(0) + "' (source " + source + ") is not followed: "
                            + "Failscope reads the resources of this folder; load the module's folder too, or a "
                            + "plan (terraform show -json)", b.label(0), b.at());
                }
            }
        }
        out.sort(java.util.Comparator.comparing((Resource r) -> TerraformConfig.configAddress(r.address()))
                .thenComparing(HclModule::instanceKey));
        new TerraformMapper(ctx, out, "configuration", new TerraformConfig(expressions)).map();
    }

    /**
     * Sorts instances as {@code terraform show -json} lists them: by address, count indexes in numeric order, so
     * "the first instance" is the same one in a plan and in its configuration.
     */
    private static String instanceKey(Resource r) {
        String a = r.address();
        int open = a.lastIndexOf('[');
        if (open < 0 || !a.endsWith("]")) {
            return "";
        }
        String key = a.substring(open + 1, a.length() - 1);
        return key.matches("\\d+") ? String.format("%09d", Integer.parseInt(key)) : key;
    }

    /** The instances of a resource block: one, or one per {@code count} index or literal {@code for_each} key. */
    private void instances(Block b, List<Resource> out) {
        String address = b.label(0) + "." + b.label(1);
        SourcePosition at = b.labelsAt().get(1);
        HclEvaluator plain = new HclEvaluator(this, Map.of());
        Optional<Hcl.Attribute> count = b.body().attribute("count");
        Optional<Hcl.Attribute> forEach = b.body().attribute("for_each");
        if (count.isPresent()) {
            Optional<PNode> n = plain.eval(count.get().value(), count.get().value().at());
            if (n.isPresent() && n.get() instanceof PScalar s && s.text().matches("\\d{1,3}")) {
                for (int i = 0; i < Integer.parseInt(s.text()); i++) {
                    PScalar index = new PScalar(String.valueOf(i), ScalarType.INT, count.get().value().at());
                    out.add(resource(b, address + "[" + i + "]", at, Map.of("count.index", index)));
                }
                return;
            }
            ctx.assumed("value", "count of " + address + " is computed (" + count.get().value().source()
                    + "): Failscope reads it as one instance", address, count.get().value().at());
        } else if (forEach.isPresent()) {
            Optional<PNode> keys = plain.eval(forEach.get().value(), forEach.get().value().at());
            if (keys.isPresent() && keys.get() instanceof PMap m) {
                m.entries().forEach(e -> out.add(resource(b, address + "[\"" + e.key().text() + "\"]", at,
                        Map.of("each.key", e.key(), "each.value", e.value()))));
                return;
            }
            if (keys.isPresent() && keys.get() instanceof PSeq seq
                    && seq.items().stream().allMatch(PScalar.class::isInstance)) {
                seq.items().forEach(k -> out.add(resource(b, address + "[\"" + ((PScalar) k).text() + "\"]", at,
                        Map.of("each.key", k, "each.value", k))));
                return;
            }
            ctx.assumed("value", "for_each of " + address + " is computed (" + forEach.get().value().source()
                    + "): Failscope reads it as one instance", address, forEach.get().value().at());
        }
        out.add(resource(b, address, at, Map.of()));
    }

    private Resource resource(Block b, String address, SourcePosition at, Map<String, PNode> iteration) {
        HclEvaluator eval = new HclEvaluator(this, iteration);
        Map<String, PMap> refs = new LinkedHashMap<>();
        PMap values = body(b.body(), eval, address, refs, b.at());
        expressions.put(TerraformConfig.configAddress(address), new PMap(refs.entrySet().stream()
                .map(e -> new PEntry(new PScalar(e.getKey(), ScalarType.STRING, e.getValue().position()),
                        e.getValue())).toList(), at));
        return new Resource(address, b.label(0), values, at, null);
    }

    private PMap body(Hcl.Body body, HclEvaluator eval, String address, Map<String, PMap> refs,
                      SourcePosition at) {
        List<PEntry> entries = new ArrayList<>();
        for (Hcl.Attribute a : body.attributes()) {
            Optional<PNode> v = eval.eval(a.value(), a.value().at());
            if (v.isPresent()) {
                entries.add(new PEntry(new PScalar(a.name(), ScalarType.STRING, a.at()), v.get()));
                continue;
            }
            List<String> references = HclEvaluator.references(a.value());
            refs.putIfAbsent(a.name(), new PMap(List.of(new PEntry(new PScalar("references", ScalarType.STRING,
                    a.at()), new PSeq(references.stream().map(r -> (PNode) new PScalar(r, ScalarType.STRING,
                    a.value().at())).toList(), a.value().at()))), a.value().at()));
            boolean followed = a.value() instanceof Hcl.Reference r && r.path().size() >= 2
                    && resources.containsKey(r.path().get(0) + "." + r.path().get(1));
            if (DECISIVE.contains(a.name()) && !followed && said.add(a.value().at())) {
                ctx.assumed("value", "'" + a.name() + "' of " + TerraformConfig.configAddress(address)
                        + " is computed (" + a.value().source()
                        + "): Failscope cannot evaluate it and " + (Set.of("identifier", "cluster_identifier",
                        "name").contains(a.name()) ? "names the resource by its address" : "reads it as unset"),
                        address, a.value().at());
            }
        }
        Map<String, List<PNode>> nested = new LinkedHashMap<>();
        for (Block nb : body.blocks()) {
            if (nb.type().equals("dynamic") || nb.type().equals("lifecycle")) {
                continue;
            }
            nested.computeIfAbsent(nb.type(), k -> new ArrayList<>())
                    .add(body(nb.body(), eval, address, new LinkedHashMap<>(), nb.at()));
        }
        nested.forEach((type, items) -> entries.add(new PEntry(new PScalar(type, ScalarType.STRING,
                items.get(0).position()), new PSeq(items, items.get(0).position()))));
        return new PMap(entries, at);
    }
}
