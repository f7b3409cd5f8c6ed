package dev.failscope.load.importers;

import dev.failscope.load.tree.PMap;
import java.util.List;

/**
 * Terraform JSON, the output of {@code terraform show -json} for a plan or a state (never HCL): AWS RDS
 * instances, Aurora clusters and Cloud SQL instances become servers, clusters and failover policies. A plan's
 * pure deletions mark servers decommissioned by this plan.
 */
public final class TerraformImporter implements Importer {
    @Override
    public String id() {
        return "terraform";
    }

    @Override
    public String label() {
        return "Terraform JSON (terraform show -json of a plan or state)";
    }

    static boolean isTerraform(PMap doc) {
        return doc.get("format_version").isPresent() && (doc.get("planned_values").isPresent()
                || doc.get("values").isPresent() || doc.get("resource_changes").isPresent());
    }

    @Override
    public boolean detect(SourceText source) {
        return source.anyMap(TerraformImporter::isTerraform);
    }

    @Override
    public Session open(ImportContext context) {
        return (source, forced) -> {
            List<PMap> docs = source.maps().stream().filter(TerraformImporter::isTerraform).toList();
            if (docs.isEmpty()) {
                context.error("no Terraform JSON (an object with format_version and planned_values, values or "
                        + "resource_changes) in this file", source.start());
            }
            for (PMap doc : docs) {
                Tree.text(doc, "format_version").filter(v -> !v.startsWith("1.") && !v.startsWith("0."))
                        .ifPresent(v -> context.error("Terraform JSON format_version " + v + " is not supported "
                                + "(expected 1.x)", Tree.position(doc, "format_version")));
                List<TerraformShape.Problem> problems = TerraformShape.check(doc);
                problems.forEach(p -> context.error(p.message(), p.at()));
                if (!problems.isEmpty()) {
                    continue;
                }
                new TerraformMapper(context, TerraformResources.of(doc),
                        TerraformResources.isPlan(doc) ? "plan" : "state",
                        new TerraformConfig(doc)).map();
            }
        };
    }
}
