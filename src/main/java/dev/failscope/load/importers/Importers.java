package dev.failscope.load.importers;

import java.util.List;
import java.util.Optional;

/** The formats Failscope reads, listed explicitly, in detection order. */
public final class Importers {
    private final List<Importer> all;

    public Importers(List<Importer> all) {
        this.all = List.copyOf(all);
    }

    /** Every format: native first, then the importers. */
    public static Importers standard() {
        List<Importer> formats = List.of(
                new NativeImporter(),
                new PatroniImporter(),
                new CnpgImporter(),
                new ZalandoImporter(),
                new TerraformImporter(),
                new TerraformHclImporter(),
                new RedisImporter(),
                new MhaImporter(),
                new RepmgrImporter(),
                new AnsibleImporter(),
                new HaproxyImporter(),
                new PgbouncerImporter(),
                new PgpoolImporter(),
                new ProxysqlImporter(),
                new KubernetesServiceImporter());
        List<Importer> all = new java.util.ArrayList<>(formats);
        all.add(new ConnectionStringImporter(formats));
        return new Importers(all);
    }

    public List<Importer> all() {
        return all;
    }

    public Optional<Importer> byId(String id) {
        return all.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    /** The ids, for {@code --as} and its help. */
    public List<String> ids() {
        return all.stream().map(Importer::id).toList();
    }
}
