package dev.failscope.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Whole-process benchmark, what CI sees (not a unit test: Surefire never runs it). For each fleet size it writes
 * a fleet with {@code failscope generate} (4 servers a cluster, 3 zones, faults in 1% of clusters, seed 2026), then
 * alternates, round after round, cold processes started with the same JVM flags:
 * <ul>
 *   <li>{@code floor}: {@link EventParseFloor}, SnakeYAML's event parse of the same files and nothing else;
 *   <li>{@code check}: {@code java -jar JAR check --fail-on never DIR}, which re-runs itself in a child JVM
 *       with the launcher's flags for an input this large ({@code dev.failscope.Relaunch});
 *   <li>{@code check-here}: the same with {@code -Dfailscope.relaunch=false}, the JVM's default flags (measured
 *       only when named in {@code --measures});
 *   <li>{@code launcher}: {@code target/failscope check --fail-on never DIR}, the launcher script beside the jar
 *       (its CDS archive, C1 only, the serial collector; packaging/failscope), only when the script exists;
 *   <li>{@code floor-launcher}: the floor with the launcher's JIT and collector flags, the fair floor for it;
 *   <li>{@code sweep}, {@code sweep --domains}: {@code java -jar JAR sweep [--domains] --fail-on never DIR};
 *   <li>{@code base}: {@code check} with another jar ({@code --base JAR}), for before/after in one run.
 * </ul>
 * Each process runs under {@code /usr/bin/time}, which gives wall time, user + system CPU and peak RSS. It prints
 * medians, ratios to the floor, and the cost of doubling the fleet.
 *
 * <p>Run: {@code mvn -B -Pbench-process verify} or, after {@code mvn -B -DskipTests package test-compile},
 * {@code java -cp target/test-classes dev.failscope.bench.ProcessBenchmark [options]} with options
 * {@code --sizes 5000,20000,80000,320000 --runs 5 --measures floor,check,floor-launcher,launcher,sweep,sweep-domains
 * --jvm "-Xmx2g" --jar target/failscope.jar --base OTHER.jar --work DIR}.
 */
public final class ProcessBenchmark {
    private static final int SERVERS_PER_CLUSTER = 4;

    private ProcessBenchmark() {}

    /** One measured process: seconds of wall time and CPU, and peak resident memory in MB. */
    record Sample(double wall, double cpu, double rssMb) {}

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = options(args);
        int[] sizes = Arrays.stream(opt.getOrDefault("sizes", "5000,20000,80000,320000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int runs = Integer.parseInt(opt.getOrDefault("runs", "5"));
        Path jar = Path.of(opt.getOrDefault("jar", "target/failscope.jar")).toAbsolutePath();
        Path script = jar.resolveSibling("failscope");
        List<String> jvm = opt.getOrDefault("jvm", "").isBlank() ? List.of()
                : List.of(opt.get("jvm").trim().split("\\s+"));
        List<String> measures = new ArrayList<>(List.of(
                opt.getOrDefault("measures", "floor,check,floor-launcher,launcher,sweep,sweep-domains,"
                        + "sweep-launcher,sweep-domains-launcher").split(",")));
        if (!Files.exists(script)) {
            measures.remove("launcher");
            measures.remove("floor-launcher");
            measures.remove("sweep-launcher");
            measures.remove("sweep-domains-launcher");
        }
        measures.remove("base");
        if (opt.containsKey("base")) {
            measures.add("base");
        }
        Path work = Path.of(opt.getOrDefault("work", System.getProperty("java.io.tmpdir") + "/failscope-pbench"));
        Files.createDirectories(work);
        String testClasses = Path.of(ProcessBenchmark.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI()).toString();
        System.out.printf(Locale.ROOT, "# whole-process benchmark, %s, java %s, %d cores, runs %d, jvm flags %s%n",
                Instant.now(), System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), runs,
                jvm.isEmpty() ? "(none)" : String.join(" ", jvm));
        System.out.println("# load average at start: " + loadAverage());
        Map<Integer, Map<String, List<Sample>>> all = new LinkedHashMap<>();
        Map<Integer, Long> bytes = new LinkedHashMap<>();
        for (int servers : sizes) {
            Path dir = work.resolve("fleet-" + servers);
            int clusters = servers / SERVERS_PER_CLUSTER;
            if (!Files.exists(dir.resolve("services"))) {
                run(command(jvm, "-jar", jar.toString(), "generate", "--clusters", "" + clusters,
                        "--replicas", "" + (SERVERS_PER_CLUSTER - 1), "--zones", "3",
                        "--faults", "" + Math.max(1, clusters / 100), "--seed", "2026", dir.toString()), work);
            }
            bytes.put(servers, sizeOf(dir));
            Map<String, List<Sample>> samples = new LinkedHashMap<>();
            for (int round = 0; round < runs; round++) {
                for (String m : measures) {
                    List<String> cmd = switch (m) {
                        case "floor" -> command(jvm, "-cp", testClasses + java.io.File.pathSeparator + jar,
                                EventParseFloor.class.getName(), dir.toString());
                        case "check" -> command(jvm, "-jar", jar.toString(), "check", "--fail-on", "never",
                                dir.toString());
                        case "check-here" -> command(jvm, "-Dfailscope.relaunch=false", "-jar", jar.toString(),
                                "check", "--fail-on", "never", dir.toString());
                        case "floor-launcher" -> command(concat(jvm, launcherFlags(bytes.get(servers))), "-cp",
                                testClasses + java.io.File.pathSeparator + jar, EventParseFloor.class.getName(),
                                dir.toString());
                        case "launcher" -> script(jvm, script.toString(), "check", "--fail-on", "never",
                                dir.toString());
                        case "base" -> command(jvm, "-jar", opt.get("base"), "check", "--fail-on", "never",
                                dir.toString());
                        case "sweep" -> command(jvm, "-jar", jar.toString(), "sweep", "--fail-on", "never",
                                dir.toString());
                        case "sweep-domains" -> command(jvm, "-jar", jar.toString(), "sweep", "--domains",
                                "--fail-on", "never", dir.toString());
                        case "sweep-launcher" -> script(jvm, script.toString(), "sweep", "--fail-on", "never",
                                dir.toString());
                        case "sweep-domains-launcher" -> script(jvm, script.toString(), "sweep", "--domains",
                                "--fail-on", "never", dir.toString());
                        default -> throw new IllegalArgumentException("unknown measure " + m);
                    };
                    Sample s = run(cmd, work);
                    samples.computeIfAbsent(m, k -> new ArrayList<>()).add(s);
                    System.out.printf(Locale.ROOT, "  %,d servers, round %d, %-13s %6.2f s wall %6.2f s CPU %6.0f MB%n",
                            servers, round + 1, m, s.wall(), s.cpu(), s.rssMb());
                }
            }
            all.put(servers, samples);
        }
        System.out.println("# load average at end: " + loadAverage());
        System.out.println();
        print(all, bytes, measures);
    }

    private static void print(Map<Integer, Map<String, List<Sample>>> all, Map<Integer, Long> bytes,
            List<String> measures) {
        StringBuilder head = new StringBuilder("| servers | MB |");
        StringBuilder rule = new StringBuilder("| ---: | ---: |");
        for (String m : measures) {
            head.append(" ").append(m).append(" wall s | CPU s | RSS MB |");
            rule.append(" ---: | ---: | ---: |");
        }
        System.out.println(head);
        System.out.println(rule);
        for (var e : all.entrySet()) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %,d | %.1f |", e.getKey(),
                    bytes.get(e.getKey()) / 1e6));
            for (String m : measures) {
                List<Sample> s = e.getValue().get(m);
                row.append(String.format(Locale.ROOT, " %.2f | %.2f | %.0f |", median(s, Sample::wall),
                        median(s, Sample::cpu), median(s, Sample::rssMb)));
            }
            System.out.println(row);
        }
        System.out.println();
        System.out.println("| servers | measure | wall / floor | CPU / floor | wall / check | CPU / check "
                + "| wall / floor-launcher | CPU / floor-launcher | wall / launcher | CPU / launcher "
                + "| doubling cost (wall, per 2x servers) | µs per added server (wall) |");
        System.out.println("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        List<Integer> sizes = new ArrayList<>(all.keySet());
        for (int i = 0; i < sizes.size(); i++) {
            Map<String, List<Sample>> s = all.get(sizes.get(i));
            for (String m : measures) {
                if (m.equals("floor")) {
                    continue;
                }
                double w = median(s.get(m), Sample::wall);
                double c = median(s.get(m), Sample::cpu);
                String doubling = "–";
                // the slope between two sizes: flat when the cost is linear, whatever the fixed start-up cost
                String marginal = "–";
                if (i > 0) {
                    double prev = median(all.get(sizes.get(i - 1)).get(m), Sample::wall);
                    double steps = Math.log((double) sizes.get(i) / sizes.get(i - 1)) / Math.log(2);
                    doubling = String.format(Locale.ROOT, "%.2f", Math.pow(w / prev, 1 / steps));
                    marginal = String.format(Locale.ROOT, "%.1f", (w - prev) * 1e6 / (sizes.get(i) - sizes.get(i - 1)));
                }
                System.out.printf(Locale.ROOT, "| %,d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
                        sizes.get(i), m,
                        ratio(w, s, "floor", Sample::wall), ratio(c, s, "floor", Sample::cpu),
                        ratio(w, s, "check", Sample::wall), ratio(c, s, "check", Sample::cpu),
                        ratio(w, s, "floor-launcher", Sample::wall), ratio(c, s, "floor-launcher", Sample::cpu),
                        ratio(w, s, "launcher", Sample::wall), ratio(c, s, "launcher", Sample::cpu), doubling,
                        marginal);
            }
        }
    }

    private static String ratio(double v, Map<String, List<Sample>> s, String of,
            java.util.function.ToDoubleFunction<Sample> f) {
        List<Sample> base = s.get(of);
        return base == null ? "–" : String.format(Locale.ROOT, "%.2f", v / median(base, f));
    }

    /**
     * The JIT and collector flags packaging/failscope (and a relaunched {@code java -jar}) adds for a batch
     * command on {@code bytes} of input; RelaunchTest keeps them equal to {@code Relaunch.flags}.
     */
    public static List<String> launcherFlags(long bytes) {
        return bytes >= (48L << 20)
                ? List.of("-XX:+UseSerialGC", "-XX:MaxTenuringThreshold=0", "-XX:MinHeapFreeRatio=70",
                        "-XX:MaxHeapFreeRatio=95", "-XX:FreqInlineSize=60", "-XX:MaxInlineSize=20",
                        "-XX:InlineSmallCode=1000")
                : List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:MaxTenuringThreshold=0");
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** The launcher script, with the benchmark's JVM flags passed through FAILSCOPE_JAVA_OPTS. */
    private static List<String> script(List<String> jvm, String... rest) {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/time", "-f", "%e %U %S %M", "-o", "TIMEFILE", "env",
                "JAVA_HOME=" + System.getProperty("java.home"), "FAILSCOPE_JAVA_OPTS=" + String.join(" ", jvm)));
        cmd.addAll(List.of(rest));
        return cmd;
    }

    private static List<String> command(List<String> jvm, String... rest) {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/time", "-f", "%e %U %S %M", "-o", "TIMEFILE",
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvm);
        cmd.addAll(List.of(rest));
        return cmd;
    }

    /** Runs {@code cmd} (output discarded), fails on a non-zero exit, and reads what /usr/bin/time measured. */
    private static Sample run(List<String> cmd, Path work) throws IOException, InterruptedException {
        Path timeFile = Files.createTempFile(work, "time", ".txt");
        List<String> c = new ArrayList<>(cmd);
        c.set(c.indexOf("TIMEFILE"), timeFile.toString());
        Path log = Files.createTempFile(work, "out", ".txt");
        Process p = new ProcessBuilder(c).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int exit = p.waitFor();
        if (exit != 0) {
            throw new IllegalStateException("exit " + exit + ": " + String.join(" ", cmd) + "\n"
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        String[] t = Files.readString(timeFile).trim().split("\\s+");
        Files.delete(timeFile);
        Files.delete(log);
        return new Sample(Double.parseDouble(t[0]), Double.parseDouble(t[1]) + Double.parseDouble(t[2]),
                Double.parseDouble(t[3]) / 1024);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static long sizeOf(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static double median(List<Sample> samples, java.util.function.ToDoubleFunction<Sample> f) {
        double[] v = samples.stream().mapToDouble(f).sorted().toArray();
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> opt = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 == args.length) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            opt.put(args[i].substring(2), args[++i]);
        }
        return opt;
    }
}
