package dev.failscope.cli;

import dev.failscope.analysis.Inspector;
import dev.failscope.analysis.RuleCatalog;
import dev.failscope.load.LoadOptions;
import dev.failscope.load.TopologyLoader;
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

    @Option(names = "--as", paramLabel = "FORMAT", completionCandidates = Formats.class,
            description = "Read every file named explicitly as FORMAT instead of detecting it "
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

    public LoadOptions options() {
        return new LoadOptions(format).withInventories(inventories);
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
