package dev.failscope.load.importers;

import dev.failscope.load.importers.hcl.Hcl;
import dev.failscope.model.Finding;
import dev.failscope.model.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Terraform configurations as written ({@code .tf}, {@code .tfvars}), parsed by Failscope's own HCL reader with
 * positions ({@link Hcl}). The files of one folder are one module: its variables, {@code .tfvars} values and
 * locals resolve each other, then its AWS RDS / Aurora and Google Cloud SQL resources are mapped exactly as a
 * {@code terraform show -json} plan of the same module would be ({@link HclModule}, {@link TerraformMapper}).
 */
public final class TerraformHclImporter implements Importer {
    private static final Pattern BLOCK = Pattern.compile(
            "(?m)^\\s*(resource|data|variable|locals|module|provider|terraform|output)\\b[^=\\n]*\\{\\s*$");

    @Override
    public String id() {
        return "hcl";
    }

    @Override
    public String label() {
        return "Terraform HCL (.tf, .tfvars)";
    }

    @Override
    public boolean lineBased() {
        return true;
    }

    @Override
    public boolean detect(SourceText source) {
        String ext = source.file().extension();
        return ext.equals("tf") || ext.equals("tfvars") || !source.structured() && BLOCK.matcher(source.text()).find();
    }

    @Override
    public Session open(ImportContext context) {
        return new HclSession(context);
    }

    private static final class HclSession implements Session {
        private final ImportContext ctx;
        private final Map<String, List<HclModule.File>> byFolder = new LinkedHashMap<>();

        HclSession(ImportContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void read(SourceText source, boolean forced) {
            Hcl.Parsed parsed = Hcl.parse(source.text(), source.display());
            parsed.problems().forEach(p -> ctx.error("HCL: " + p.message(), p.at()));
            boolean vars = source.file().extension().equals("tfvars");
            byFolder.computeIfAbsent(MhaImporter.folder(source.display()), k -> new ArrayList<>())
                    .add(new HclModule.File(source, parsed.body(), vars));
        }

        @Override
        public void finish() {
            byFolder.values().forEach(files -> {
                List<HclModule.File> ordered = new ArrayList<>(files.stream().filter(f -> !f.vars()).toList());
                files.stream().filter(HclModule.File::vars).sorted((a, b) -> varsOrder(a) - varsOrder(b))
                        .forEach(ordered::add);
                HclModule module = new HclModule(ctx, ordered);
                boolean any = module.hasDatabases();
                for (HclModule.File f : ordered) {
                    if (!any || !HclModule.contributes(f)) {
                        unread(f, any);
                    }
                }
                if (any) {
                    module.map();
                }
            });
        }

        /** terraform.tfvars first, then *.auto.tfvars, then other files given (as -var-file would be). */
        private static int varsOrder(HclModule.File f) {
            String d = f.source().display();
            return d.endsWith("/terraform.tfvars") || d.equals("terraform.tfvars") ? 0
                    : d.endsWith(".auto.tfvars") ? 1 : 2;
        }

        private void unread(HclModule.File f, boolean moduleHasDatabases) {
            List<String> types = f.body().blocks().stream().filter(b -> b.type().equals("resource"))
                    .map(b -> b.label(0)).distinct().sorted().toList();
            String found = types.isEmpty() ? "" : " (it has " + String.join(", ", types) + ")";
            String why = moduleHasDatabases ? "nothing in this file is read" : "no file of this folder has a "
                    + "database resource";
            ctx.sink().finding(new Finding(UnreadFile.RULE, Severity.INFO, "skipped: "
                    + UnreadFile.terraform() + "; " + why + found, f.source().display(), null,
                    f.source().start()));
        }
    }
}
