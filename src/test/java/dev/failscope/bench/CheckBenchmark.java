package dev.failscope.bench;

import dev.failscope.analysis.Rule;
import dev.failscope.analysis.RuleCatalog;
import dev.failscope.cli.FailscopeCommand;
import dev.failscope.generate.Fleet;
import dev.failscope.generate.FleetGenerator;
import dev.failscope.generate.FleetSpec;
import dev.failscope.generate.FleetWriter;
import dev.failscope.load.LoadLimits;
import dev.failscope.load.LoadResult;
import dev.failscope.load.TopologyLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Benchmark harness, not a unit test (it is not named *Test, so Surefire never runs it).
 *
 * <p>For fleets of 1k, 10k, 20k and 50k servers made by {@code failscope generate} (4 servers a cluster, 3 zones,
 * faults in 1% of clusters) it times, in one JVM, with warm-up and the median of several runs:
 * <ul>
 *   <li><b>floor</b>: reading every file and a plain SnakeYAML {@code Yaml.loadAll} of it, all documents consumed;
 *   <li><b>check</b>: {@code failscope check DIR --output FILE} end to end through the real command line
 *       (path expansion, decoding, positioned parse, model, graph, every rule, sorting, text report, writing);
 * </ul>
 * then, at each size, the loader alone and each rule alone, to show what grows faster than linearly.
 *
 * <p>Run it with {@code mvn -B -o -Pbench verify} (see the {@code bench} profile in pom.xml) or, after
 * {@code mvn -B -o test-compile}, with the printed classpath. Arguments: {@code [SIZES [WARMUP RUNS]]}, such as
 * {@code 1000,10000,20000,50000 2 5}.
 */
public final class CheckBenchmark {
    private static final int SERVERS_PER_CLUSTER = 4;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CheckBenchmark() {}

    public static void main(String[] args) throws Exception {
        int[] sizes = args.length > 0 ? Arrays.stream(args[0].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[] {1_000, 10_000, 20_000, 50_000};
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Path work = Files.createTempDirectory("failscope-bench");
        System.out.printf(Locale.ROOT, "# failscope check benchmark, %s, java %s, %d cores, warm-up %d, runs %d%n",
                LocalDate.now(ZoneOffset.UTC), System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), warmup, runs);
        List<String> table = new ArrayList<>();
        table.add("| servers | files | MB | floor wall (ms) | check wall (ms) | wall ratio | floor CPU (ms) "
                + "| check CPU (ms) | CPU ratio | check CPU us/server |");
        table.add("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        Map<Integer, Map<String, Double>> phases = new LinkedHashMap<>();
        for (int servers : sizes) {
            Path dir = work.resolve("fleet-" + servers);
            Fleet fleet = FleetGenerator.generate(new FleetSpec(servers / SERVERS_PER_CLUSTER,
                    SERVERS_PER_CLUSTER - 1, 3, Math.max(1, servers / SERVERS_PER_CLUSTER / 100), 2026));
            FleetWriter.write(fleet, dir);
            List<Path> files = yamlFiles(dir);
            long bytes = 0;
            for (Path f : files) {
                bytes += Files.size(f);
            }
            Path out = work.resolve("report-" + servers + ".txt");
            List<Long> floor = new ArrayList<>();
            List<Long> check = new ArrayList<>();
            List<Long> floorCpu = new ArrayList<>();
            List<Long> checkCpu = new ArrayList<>();
            for (int i = 0; i < warmup + runs; i++) {
                long[] f = measure(() -> parseFloor(files));
                long[] c = measure(() -> check(dir, out));
                if (i >= warmup) {
                    floor.add(f[0]);
                    check.add(c[0]);
                    floorCpu.add(f[1]);
                    checkCpu.add(c[1]);
                }
            }
            double fm = median(floor) / 1e6;
            double cm = median(check) / 1e6;
            double fc = median(floorCpu) / 1e6;
            double cc = median(checkCpu) / 1e6;
            table.add(String.format(Locale.ROOT, "| %,d | %d | %.1f | %.0f | %.0f | %.2f | %.0f | %.0f | %.2f | %.1f |",
                    fleet.servers(), files.size(), bytes / 1e6, fm, cm, cm / fm, fc, cc, cc / fc,
                    cc * 1000 / fleet.servers()));
            System.out.println(table.get(table.size() - 1));
            phases.put(fleet.servers(), phases(dir, warmup, runs));
        }
        System.out.println();
        table.forEach(System.out::println);
        System.out.println();
        printPhases(phases);
    }

    /** The floor: read each file and let SnakeYAML build plain Java maps and lists for every document. */
    static void parseFloor(List<Path> files) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit((int) LoadLimits.DEFAULT.maxFileBytes());
        for (Path f : files) {
            try {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                for (Object doc : new Yaml(options).loadAll(text)) {
                    sink(doc);
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** {@code failscope check DIR --output OUT} through the real command line. */
    static void check(Path dir, Path out) {
        Writer discard = new StringWriter();
        int exit = FailscopeCommand.commandLine().setOut(new PrintWriter(discard)).setErr(new PrintWriter(discard))
                .execute("check", "--fail-on", "never", "--output", out.toString(), dir.toString());
        if (exit != 0) {
            throw new IllegalStateException("check exited " + exit + ": " + discard);
        }
    }

    /** Median time of the loader alone and of each rule alone on the loaded topology. */
    private static Map<String, Double> phases(Path dir, int warmup, int runs) {
        Map<String, Double> result = new LinkedHashMap<>();
        List<Long> load = new ArrayList<>();
        LoadResult[] loaded = new LoadResult[1];
        for (int i = 0; i < warmup + runs; i++) {
            long t = measure(() -> loaded[0] = new TopologyLoader().load(List.of(dir.toString())))[1];
            if (i >= warmup) {
                load.add(t);
            }
        }
        result.put("load (parse + model + graph)", median(load) / 1e6);
        for (Rule rule : RuleCatalog.standard().rules()) {
            List<Long> times = new ArrayList<>();
            for (int i = 0; i < warmup + runs; i++) {
                long t = measure(() -> sink(rule.check(loaded[0].topology())))[1];
                if (i >= warmup) {
                    times.add(t);
                }
            }
            result.put(rule.id(), median(times) / 1e6);
        }
        return result;
    }

    private static void printPhases(Map<Integer, Map<String, Double>> phases) {
        List<Integer> sizes = new ArrayList<>(phases.keySet());
        StringBuilder head = new StringBuilder("| phase (CPU ms) |");
        StringBuilder rule = new StringBuilder("| --- |");
        for (int s : sizes) {
            head.append(String.format(Locale.ROOT, " %,d |", s));
            rule.append(" ---: |");
        }
        head.append(" growth last/first per server |");
        rule.append(" ---: |");
        System.out.println(head);
        System.out.println(rule);
        for (String phase : phases.get(sizes.get(0)).keySet()) {
            StringBuilder row = new StringBuilder("| " + phase + " |");
            for (int s : sizes) {
                row.append(String.format(Locale.ROOT, " %.1f |", phases.get(s).get(phase)));
            }
            double first = phases.get(sizes.get(0)).get(phase) / sizes.get(0);
            double last = phases.get(sizes.get(sizes.size() - 1)).get(phase) / sizes.get(sizes.size() - 1);
            row.append(String.format(Locale.ROOT, " %.1f |", first > 0 ? last / first : 0));
            System.out.println(row);
        }
    }

    private static List<Path> yamlFiles(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    /**
     * Wall-clock and CPU nanoseconds of {@code r}, after a GC so that no run pays for the previous one's garbage. CPU is this thread's CPU time plus the time the collectors
     * report for collections during the run: on a shared machine it is steadier than wall-clock time.
     */
    private static long[] measure(Runnable r) {
        System.gc();
        long gcBefore = gcMillis();
        long cpuBefore = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        r.run();
        long wall = System.nanoTime() - start;
        long cpu = THREADS.getCurrentThreadCpuTime() - cpuBefore + (gcMillis() - gcBefore) * 1_000_000;
        return new long[] {wall, cpu};
    }

    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }

    private static double median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    private static volatile Object blackhole;

    private static void sink(Object o) {
        blackhole = o;
    }
}
