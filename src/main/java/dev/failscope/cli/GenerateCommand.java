package dev.failscope.cli;

import dev.failscope.generate.FaultKind;
import dev.failscope.generate.Fleet;
import dev.failscope.generate.FleetGenerator;
import dev.failscope.generate.FleetSpec;
import dev.failscope.generate.FleetWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code failscope generate}: a synthetic fleet for benchmarks and demos. */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Writes a synthetic fleet in the native format into OUTDIR. The same options give the same "
                + "files. OUTDIR must be new, empty, or a previous generate output; only files generate wrote there (and that are "
                + "unchanged since) are replaced.")
public final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--clusters", required = true, paramLabel = "N", description = "Database clusters.")
    int clusters;

    @Option(names = "--replicas", paramLabel = "R", defaultValue = "2",
            description = "Replicas per cluster (default: ${DEFAULT-VALUE}).")
    int replicas;

    @Option(names = "--zones", paramLabel = "Z", defaultValue = "3",
            description = "Availability zones, 6 per region (default: ${DEFAULT-VALUE}).")
    int zones;

    @Option(names = "--faults", paramLabel = "F", defaultValue = "0",
            description = "Realistic defects to inject (default: ${DEFAULT-VALUE}).")
    int faults;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed (default: "
            + "${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--force", description = "Write into a non-empty OUTDIR that generate did not write, "
            + "replacing same-named files (nothing else is deleted).")
    boolean force;

    @Parameters(index = "0", paramLabel = "OUTDIR", description = "Directory to write.")
    Path outdir;

    @Override
    public Integer call() {
        FleetSpec fleetSpec;
        try {
            fleetSpec = new FleetSpec(clusters, replicas, zones, faults, seed);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Fleet fleet = FleetGenerator.generate(fleetSpec);
        PrintWriter err = spec.commandLine().getErr();
        try {
            FleetWriter.write(fleet, outdir, force);
        } catch (FleetWriter.RefusedException e) {
            err.println("failscope: " + e.getMessage());
            err.flush();
            return ExitCodes.LOAD_OR_USAGE;
        } catch (IOException e) {
            err.println("failscope: cannot write " + outdir + ": " + dev.failscope.io.IoProblems.describe(e));
            err.flush();
            return ExitCodes.LOAD_OR_USAGE;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("wrote %d servers, %d clusters, %d services in %d files to %s%n", fleet.servers(),
                fleet.clusters(), fleet.services(), fleet.files().size(), outdir);
        for (FaultKind kind : FaultKind.values()) {
            int n = fleet.faults().getOrDefault(kind, 0);
            if (n > 0) {
                out.printf("  %3d x %s%n", n, kind.description());
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
