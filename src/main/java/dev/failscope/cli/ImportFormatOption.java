package dev.failscope.cli;

import dev.failscope.analysis.Inspector;
import dev.failscope.analysis.RuleCatalog;
import dev.failscope.load.LoadOptions;
import dev.failscope.load.TopologyLoader;
import dev.failscope.model.ManagerKind;
import java.util.Iterator;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code --as FORMAT} and {@code --inventory PATH} options, a mixin for every command that loads paths:
 * forces the format of the files named explicitly, instead of detecting it by content, and names the
 * authoritative inventory.
 */
public final class ImportFormatOption {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    private String format;

    @Option(names = "--as", paramLabel = "IMPORTER", completionCandidates = Formats.class,
            description = "Read every file named explicitly as IMPORTER instead of detecting it "
                    + "(files found in directories are still detected): ${COMPLETION-CANDIDATES}.")
    void setFormat(String value) {
        if (!TopologyLoader.formats().contains(value)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "unknown format for --as: '" + value
                    + "' (expected one of " + String.join(", ", TopologyLoader.formats()) + ")");
        }
        this.format = value;
    }

    @Option(names = "--inventory", paramLabel = "PATH",
            description = "An inventory (native or Ansible, file or folder) that is authoritative: servers that "
                    + "imported configs name but it does not declare are missing. Loaded like any PATH.")
    java.util.List<String> inventories = new java.util.ArrayList<>();

    private final java.util.Map<ManagerKind, String> versions = new java.util.EnumMap<>(ManagerKind.class);

    @Option(names = "--manager-version", paramLabel = "NAME@VERSION",
            description = "The release of a failover manager the imported configs run under, e.g. patroni@3.0.2 "
                    + "(repeatable; default: the newest Failscope models).")
    void setManagerVersion(java.util.List<String> values) {
        for (String value : values) {
            String[] parts = value.split("@", 2);
            java.util.Optional<ManagerKind> kind = ManagerKind.byId(parts[0]);
            if (kind.isEmpty() || kind.get() == ManagerKind.NATIVE || parts.length < 2
                    || !parts[1].matches("\\d{1,4}(\\.\\d{1,4}){0,2}")) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--manager-version needs NAME@VERSION "
                        + "with NAME one of patroni, sentinel, cnpg, mha and VERSION like 3.0.2, got '" + value + "'");
            }
            versions.put(kind.get(), parts[1]);
        }
    }

    public LoadOptions options() {
        return new LoadOptions(format, java.util.Map.of(), versions).withInventories(inventories);
    }

    public TopologyLoader loader() {
        return new TopologyLoader(options());
    }

    public Inspector inspector() {
        return new Inspector(loader(), RuleCatalog.standard());
    }

    /** The format ids, for help and completion. */
    static final class Formats implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return TopologyLoader.formats().iterator();
        }
    }
}
