package dev.failscope.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One real Redis Sentinel deployment on 127.0.0.1: a master (16379), two replicas (16380, 16381) and three
 * sentinels (26379-26381) watching {@code mymaster} with {@code down-after-milliseconds 2000} and
 * {@code failover-timeout 10000}. The configs are written to {@code configs/} (what Failscope reads) and copied to
 * {@code run/} for the processes, because Sentinel rewrites its own file.
 */
final class RedisLab implements AutoCloseable {
    static final String MASTER_NAME = "mymaster";
    static final int MASTER = 16379;
    static final int R1 = 16380;
    static final int R2 = 16381;
    static final List<Integer> SENTINELS = List.of(26379, 26380, 26381);
    /** The sentinel that is never killed and is asked who the master is. */
    static final int OBSERVER = 26379;
    static final Duration CONVERGE = Duration.ofSeconds(60);
    /** Sentinel promotes in about 3.5 s here; a first attempt that fails retries only after 2 x failover-timeout. */
    static final Duration PROMOTION_DEADLINE = Duration.ofSeconds(12);

    /** The knobs of one scenario: replica priorities (null: not written, Redis' default 100) and the quorum. */
    record Setup(Integer r1Priority, Integer r2Priority, int quorum) {}

    private final Path dir;
    private final Path configs;
    private final Path run;
    private final Setup setup;
    private final LabProcesses procs;

    RedisLab(String scenario, Setup setup) {
        this.dir = LabHost.freshDir("redis", scenario);
        this.configs = dir.resolve("configs");
        this.run = dir.resolve("run");
        this.setup = setup;
        this.procs = new LabProcesses(dir);
    }

    static String name(int port) {
        return "127.0.0.1:" + port;
    }

    Path configs() {
        return configs;
    }

    /** Writes the configs in Redis' own format (what the user would have on disk). */
    void writeConfigs() {
        try {
            Files.createDirectories(configs);
            Files.createDirectories(run);
            write("redis-" + MASTER + ".conf", redisConf(MASTER, null));
            write("redis-" + R1 + ".conf", redisConf(R1, setup.r1Priority()));
            write("redis-" + R2 + ".conf", redisConf(R2, setup.r2Priority()));
            for (int port : SENTINELS) {
                write("sentinel-" + port + ".conf", sentinelConf(port));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String redisConf(int port, Integer priority) throws IOException {
        Path data = Files.createDirectories(run.resolve("data-" + port));
        StringBuilder b = new StringBuilder()
                .append("port ").append(port).append('\n')
                .append("bind 127.0.0.1\n")
                .append("daemonize no\n")
                .append("protected-mode no\n")
                .append("dir ").append(data).append('\n')
                .append("save \"\"\n")
                .append("appendonly no\n")
                // the address the replica announces, so that Failscope and the sentinels name it the same
                .append("replica-announce-ip 127.0.0.1\n");
        if (port != MASTER) {
            b.append("replicaof 127.0.0.1 ").append(MASTER).append('\n');
        }
        if (priority != null) {
            b.append("replica-priority ").append(priority).append('\n');
        }
        return b.toString();
    }

    private String sentinelConf(int port) throws IOException {
        Path data = Files.createDirectories(run.resolve("data-" + port));
        return "port " + port + "\n"
                + "bind 127.0.0.1\n"
                + "daemonize no\n"
                + "protected-mode no\n"
                + "dir " + data + "\n"
                + "sentinel announce-ip 127.0.0.1\n"
                + "sentinel monitor " + MASTER_NAME + " 127.0.0.1 " + MASTER + " " + setup.quorum() + "\n"
                + "sentinel down-after-milliseconds " + MASTER_NAME + " 2000\n"
                + "sentinel failover-timeout " + MASTER_NAME + " 10000\n"
                + "sentinel parallel-syncs " + MASTER_NAME + " 1\n";
    }

    private void write(String file, String text) throws IOException {
        Files.writeString(configs.resolve(file), text, StandardCharsets.UTF_8);
        Files.writeString(run.resolve(file), text, StandardCharsets.UTF_8);
    }

    /** Starts the six processes and waits until the master has both replicas and every sentinel knows them all. */
    void start() {
        List<Integer> ports = new ArrayList<>(List.of(MASTER, R1, R2));
        ports.addAll(SENTINELS);
        LabHost.requireFree(ports.stream().mapToInt(Integer::intValue).toArray());
        for (int port : List.of(MASTER, R1, R2)) {
            procs.start("redis-" + port, List.of("redis-server", run.resolve("redis-" + port + ".conf").toString()),
                    false);
        }
        for (int port : SENTINELS) {
            procs.start("sentinel-" + port, List.of("redis-sentinel",
                    run.resolve("sentinel-" + port + ".conf").toString()), false);
        }
        LabHost.awaitCondition(CONVERGE, "master with 2 online replicas, 3 sentinels that see them and each other",
                this::converged);
    }

    private boolean converged() {
        Optional<String> info = Resp.text(MASTER, "INFO", "replication");
        if (info.isEmpty() || info.get().lines().filter(l -> l.matches("slave\\d+:.*state=online.*")).count() < 2) {
            return false;
        }
        for (int port : SENTINELS) {
            Optional<List<Object>> m = Resp.list(port, "SENTINEL", "MASTER", MASTER_NAME);
            if (m.isEmpty() || !"2".equals(field(m.get(), "num-slaves"))
                    || !"2".equals(field(m.get(), "num-other-sentinels"))) {
                return false;
            }
        }
        return true;
    }

    private static String field(List<Object> flat, String key) {
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            if (key.equals(flat.get(i))) {
                return String.valueOf(flat.get(i + 1));
            }
        }
        return null;
    }

    void killSentinel(int port) {
        procs.kill("sentinel-" + port);
    }

    /** SIGKILL of the master; returns the instant of the kill ({@link System#nanoTime()}). */
    long killMaster() {
        long t = System.nanoTime();
        procs.kill("redis-" + MASTER);
        return t;
    }

    /** Asks the surviving sentinel who the master is until it names another one, or the deadline passes. */
    Outcome observe(long killedAt) {
        Optional<String> switched = LabHost.poll(PROMOTION_DEADLINE, () -> Resp.list(OBSERVER,
                "SENTINEL", "GET-MASTER-ADDR-BY-NAME", MASTER_NAME).filter(l -> l.size() == 2)
                .map(l -> l.get(0) + ":" + l.get(1)).filter(a -> !a.equals(name(MASTER))));
        if (switched.isEmpty()) {
            return Outcome.noPrimary(null, events());
        }
        long switchMs = msSince(killedAt);
        int port = Integer.parseInt(switched.get().substring(switched.get().lastIndexOf(':') + 1));
        LabHost.await(Duration.ofSeconds(15), "a write on the new master " + switched.get(),
                () -> Resp.text(port, "SET", "after-failover", "1").filter("OK"::equals));
        long writableMs = msSince(killedAt);
        return Outcome.promoted(switched.get(), switchMs, writableMs, events());
    }

    /**
     * Reads what each server reports live ({@code INFO replication}: {@code role}, {@code master_repl_offset} on
     * the master, {@code slave_repl_offset}, {@code slave_priority} and {@code master_link_status} on a replica)
     * and writes it as {@code observed:} in configs/observed.yaml. Returns the text written.
     */
    String writeObservations() {
        StringBuilder b = new StringBuilder("# read live by the reality lab: INFO replication of each server\n"
                + "kind: inventory\nservers:\n");
        for (int port : List.of(MASTER, R1, R2)) {
            java.util.Map<String, String> info = info(port);
            boolean master = "master".equals(info.get("role"));
            b.append("  - name: \"").append(name(port)).append("\"\n    observed:\n      role: ")
                    .append(master ? "master" : "slave").append('\n');
            if (master) {
                b.append("      state: running\n      offset: ").append(info.get("master_repl_offset")).append('\n');
            } else {
                // a replica whose link to the master is down still runs (Sentinel skips it only after 10 x
                // down-after-milliseconds of link down, which INFO's master_link_down_since_seconds would tell)
                b.append("      state: ").append("up".equals(info.get("master_link_status")) ? "streaming" : "running")
                        .append("\n      offset: ").append(info.get("slave_repl_offset"))
                        .append("\n      priority: ").append(info.get("slave_priority")).append('\n');
            }
        }
        try {
            Files.writeString(configs.resolve("observed.yaml"), b.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.toString();
    }

    /** {@code INFO replication} of a server as key/value pairs (empty when it does not answer). */
    static java.util.Map<String, String> info(int port) {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        Resp.text(port, "INFO", "replication").ifPresent(t -> t.lines().map(String::strip).filter(l -> l.contains(":"))
                .forEach(l -> out.put(l.substring(0, l.indexOf(':')), l.substring(l.indexOf(':') + 1))));
        return out;
    }

    /** The replica priority every sentinel reports for {@code port} ({@code SENTINEL REPLICAS}), if they agree. */
    static Optional<String> sentinelsSeePriority(int port) {
        String seen = null;
        for (int s : SENTINELS) {
            Optional<List<Object>> replicas = Resp.list(s, "SENTINEL", "REPLICAS", MASTER_NAME);
            if (replicas.isEmpty()) {
                return Optional.empty();
            }
            String p = null;
            for (Object r : replicas.get()) {
                if (r instanceof List<?> flat) {
                    @SuppressWarnings("unchecked")
                    List<Object> f = (List<Object>) flat;
                    if (String.valueOf(port).equals(field(f, "port"))) {
                        p = field(f, "slave-priority");
                    }
                }
            }
            if (p == null || seen != null && !seen.equals(p)) {
                return Optional.empty();
            }
            seen = p;
        }
        return Optional.ofNullable(seen);
    }

    static long msSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    /** The sentinels' failover events, for the scenario's folder and the assertion message. */
    private String events() {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> logs = Files.list(dir)) {
            for (Path log : logs.filter(p -> p.getFileName().toString().matches("sentinel-\\d+\\.log")).sorted()
                    .toList()) {
                Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                        .filter(l -> l.matches(".*(\\+sdown master|\\+odown|\\+elected-leader|\\+selected-slave|"
                                + "\\+switch-master|-failover-abort[^ ]*|no-good-slave).*"))
                        .forEach(l -> lines.add(log.getFileName() + ": " + l));
            }
            Files.write(dir.resolve("sentinel-events.txt"), lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return String.join("\n", lines);
    }

    @Override
    public void close() {
        procs.close();
    }
}
