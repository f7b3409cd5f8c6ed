package dev.failscope.lab;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * One real Patroni 3.0 cluster on 127.0.0.1: etcd 3.4 (one member, or three for the DCS scenarios), and three
 * members pg-1..pg-3 (REST 8008-8010, PostgreSQL 15 on 5432-5434) with ttl 10, loop_wait 2, retry_timeout 5, run as
 * the unprivileged user {@code lab} (PostgreSQL refuses root). pg-1 starts first so that it is the leader, as
 * Failscope assumes. The member files in {@code configs/} are what Patroni runs from and what Failscope reads.
 */
final class PatroniLab implements AutoCloseable {
    static final String PG_BIN = "/usr/lib/postgresql/15/bin";
    static final String SCOPE = "lab";
    static final int MEMBERS = 3;
    static final Duration LEADER_DEADLINE = Duration.ofSeconds(25);

    /**
     * The knobs of one scenario.
     *
     * @param tags     extra {@code tags:} lines per member number (1-3)
     * @param dcs      extra {@code bootstrap.dcs} lines
     * @param etcdSize 1 or 3 etcd members
     */
    record Setup(Map<Integer, List<String>> tags, List<String> dcs, int etcdSize) {
        boolean sync() {
            return dcs.stream().anyMatch(l -> l.startsWith("synchronous_mode: true"));
        }
    }

    private final Path dir;
    private final Path configs;
    private final Path run;
    private final Setup setup;
    private final LabProcesses procs;

    PatroniLab(String scenario, Setup setup) {
        this.dir = LabHost.freshDir("patroni", scenario);
        this.configs = dir.resolve("configs");
        this.run = dir.resolve("run");
        this.setup = setup;
        this.procs = new LabProcesses(dir);
    }

    static int rest(int member) {
        return 8007 + member;
    }

    static int pg(int member) {
        return 5431 + member;
    }

    static int etcdClient(int i) {
        return 2377 + 2 * i;
    }

    static int etcdPeer(int i) {
        return 2378 + 2 * i;
    }

    /** How Failscope names etcd member {@code i} (1-3): its client address as written in {@code etcd3.hosts}. */
    static String etcdName(int i) {
        return "127.0.0.1:" + etcdClient(i);
    }

    Path configs() {
        return configs;
    }

    void writeConfigs() {
        try {
            Files.createDirectories(configs);
            Files.createDirectories(run.resolve("sock"));
            Files.createDirectories(run.resolve("home"));
            Files.createDirectories(dir.resolve("home"));
            for (int i = 1; i <= MEMBERS; i++) {
                Files.writeString(configs.resolve("pg-" + i + ".yml"), member(i), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String member(int i) {
        String hosts = IntStream.rangeClosed(1, setup.etcdSize()).mapToObj(PatroniLab::etcdName)
                .collect(Collectors.joining(","));
        StringBuilder b = new StringBuilder();
        b.append("scope: ").append(SCOPE).append("\nnamespace: /service/\nname: pg-").append(i).append("\n\n")
                .append("restapi:\n  listen: 127.0.0.1:").append(rest(i)).append("\n  connect_address: 127.0.0.1:")
                .append(rest(i)).append("\n\n")
                .append("etcd3:\n  hosts: ").append(hosts).append("\n\n")
                .append("bootstrap:\n  dcs:\n    ttl: 10\n    loop_wait: 2\n    retry_timeout: 5\n")
                .append("    maximum_lag_on_failover: 1048576\n");
        setup.dcs().forEach(l -> b.append("    ").append(l).append('\n'));
        b.append("    postgresql:\n      use_pg_rewind: false\n      use_slots: true\n      parameters:\n")
                .append("        wal_level: replica\n        hot_standby: \"on\"\n        max_wal_senders: 10\n")
                .append("        max_replication_slots: 10\n        wal_keep_size: 256MB\n")
                .append("  initdb:\n    - encoding: UTF8\n    - auth: trust\n")
                .append("  pg_hba:\n    - local all all trust\n    - host replication replicator 127.0.0.1/32 trust\n")
                .append("    - host all all 127.0.0.1/32 trust\n\n")
                .append("postgresql:\n  listen: 127.0.0.1:").append(pg(i)).append("\n  connect_address: 127.0.0.1:")
                .append(pg(i)).append("\n  data_dir: ").append(dataDir(i)).append("\n  bin_dir: ").append(PG_BIN)
                .append("\n  pgpass: ").append(run.resolve("pgpass-" + i))
                .append("\n  authentication:\n    superuser: {username: postgres, password: pg}\n")
                .append("    replication: {username: replicator, password: rep}\n")
                .append("  parameters:\n    unix_socket_directories: ").append(run.resolve("sock")).append("\n\n")
                .append("watchdog:\n  mode: \"off\"\n\n")
                .append("tags:\n");
        setup.tags().getOrDefault(i, List.of("nofailover: false")).forEach(l -> b.append("  ").append(l).append('\n'));
        return b.toString();
    }

    private Path dataDir(int i) {
        return run.resolve("data-" + i);
    }

    /** Starts etcd, then pg-1 (waits until it leads), then pg-2 and pg-3 (waits until both stream with lag 0). */
    void start() {
        List<Integer> ports = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            ports.addAll(List.of(rest(i), pg(i), etcdClient(i), etcdPeer(i)));
        }
        LabHost.requireFree(ports.stream().mapToInt(Integer::intValue).toArray());
        LabHost.chownToLab(dir);
        startEtcd();
        for (int i = 1; i <= MEMBERS; i++) {
            procs.killAtEnd(dataDir(i).resolve("postmaster.pid"));
        }
        startMember(1);
        LabHost.awaitCondition(Duration.ofSeconds(120), "pg-1 leading", () -> members(rest(1)).stream()
                .anyMatch(m -> m.name().equals("pg-1") && m.leader() && m.running()));
        // before the replicas' base backups, so that every member has it (an asynchronous replica killed with the
        // leader right after the create would not)
        // (with synchronous_mode_strict a commit needs a standby, so there it comes after them: the commit then
        // waits for the sync standby)
        boolean strict = setup.dcs().contains("synchronous_mode_strict: true");
        if (!strict) {
            createTable();
        }
        startMember(2);
        startMember(3);
        LabHost.awaitCondition(Duration.ofSeconds(180), "pg-2 and pg-3 streaming with lag 0"
                + (setup.sync() ? ", one of them the sync standby" : ""), this::replicasReady);
        if (strict) {
            createTable();
        }
    }

    private void createTable() {
        LabHost.awaitCondition(Duration.ofSeconds(60), "table t created on pg-1", () -> psql(1,
                "create table if not exists t(id serial primary key, at timestamptz default now())",
                Duration.ofSeconds(20)).exit() == 0);
    }

    private void startEtcd() {
        String cluster = IntStream.rangeClosed(1, setup.etcdSize())
                .mapToObj(i -> "e" + i + "=http://127.0.0.1:" + etcdPeer(i)).collect(Collectors.joining(","));
        for (int i = 1; i <= setup.etcdSize(); i++) {
            String client = "http://127.0.0.1:" + etcdClient(i);
            String peer = "http://127.0.0.1:" + etcdPeer(i);
            procs.start("etcd-" + i, List.of("etcd", "--name", "e" + i, "--data-dir", run.resolve("etcd-" + i)
                    .toString(), "--listen-client-urls", client, "--advertise-client-urls", client,
                    "--listen-peer-urls", peer, "--initial-advertise-peer-urls", peer, "--initial-cluster", cluster,
                    "--initial-cluster-state", "new", "--enable-v2=true"), true);
        }
        for (int i = 1; i <= setup.etcdSize(); i++) {
            int port = etcdClient(i);
            LabHost.awaitCondition(Duration.ofSeconds(60), "etcd on " + port + " healthy", () -> Http.json(port,
                    "/health").map(j -> "true".equals(j.path("health").asText())).orElse(false));
        }
    }

    private void startMember(int i) {
        procs.start("patroni-" + i, List.of("patroni", configs.resolve("pg-" + i + ".yml").toString()), true);
    }

    private boolean replicasReady() {
        List<Member> ms = members(rest(1));
        boolean ready = IntStream.rangeClosed(2, MEMBERS).allMatch(i -> ms.stream().anyMatch(m -> m.name()
                .equals("pg-" + i) && m.replica() && m.running() && m.lag() == 0));
        return ready && (!setup.sync() || ms.stream().anyMatch(m -> m.role().equals("sync_standby")));
    }

    /** One entry of Patroni's {@code GET /cluster}. */
    record Member(String name, String role, String state, long lag) {
        boolean leader() {
            return role.equals("leader") || role.equals("master") || role.equals("primary");
        }

        boolean replica() {
            return role.equals("replica") || role.equals("sync_standby") || role.equals("quorum_standby");
        }

        boolean running() {
            return state.equals("running") || state.equals("streaming");
        }
    }

    static List<Member> members(int restPort) {
        Optional<JsonNode> c = Http.json(restPort, "/cluster");
        List<Member> out = new ArrayList<>();
        c.ifPresent(j -> j.path("members").forEach(m -> out.add(new Member(m.path("name").asText(),
                m.path("role").asText(), m.path("state").asText(), m.path("lag").isNumber() ? m.path("lag").asLong()
                : -1))));
        return out;
    }

    /** The members' view as Patroni reports it, for the scenario's record. */
    String clusterView(int restPort) {
        return Http.get(restPort, "/cluster").map(Http.Reply::body).orElse("(no answer on " + restPort + ")");
    }

    /** {@code psql -c SQL} against member {@code i} as the superuser; exit -1 when it ran over {@code limit}. */
    static Exec.Result psql(int member, String sql, Duration limit) {
        return Exec.run(limit, List.of(PG_BIN + "/psql", "-X", "-q", "-At", "-h", "127.0.0.1", "-p",
                Integer.toString(pg(member)), "-U", "postgres", "-d", "postgres", "-c", sql),
                Map.of("PGCONNECT_TIMEOUT", "2", "PGPASSWORD", "pg"));
    }

    /** True when member {@code i} accepts a committed write within {@code limit}. */
    static boolean writable(int member, Duration limit) {
        Exec.Result r = psql(member, "insert into t default values returning pg_is_in_recovery()", limit);
        return r.exit() == 0 && r.output().trim().equals("f");
    }

    long postmaster(int member) {
        return LabProcesses.pidFromFile(dataDir(member).resolve("postmaster.pid")).orElseThrow(() ->
                new IllegalStateException("pg-" + member + " has no postmaster.pid"));
    }

    /** SIGKILL of a member's Patroni and its postmaster (Patroni would restart a postgres killed alone). */
    void killMember(int member) {
        long pm = postmaster(member);
        procs.kill("patroni-" + member);
        LabProcesses.killPid(pm);
    }

    void killEtcd(int i) {
        procs.kill("etcd-" + i);
    }

    /** SIGSTOP of a replica's WAL receiver: it stops receiving WAL, so its lag grows (the prototype's trick). */
    void stopWalReceiver(int member) {
        long pm = postmaster(member);
        long receiver = ProcessHandle.of(pm).orElseThrow().children().filter(h -> cmdline(h.pid())
                .contains("walreceiver")).findFirst().orElseThrow(() -> new IllegalStateException(
                "pg-" + member + " has no walreceiver process")).pid();
        LabProcesses.signal("STOP", receiver);
    }

    private static String cmdline(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * Reads what Patroni reports live and writes it as {@code observed:} (configs/observed.yaml, the shape
     * {@code failscope snapshot} writes): each member's {@code GET /patroni} (role, state, timeline, and its
     * {@code xlog}: {@code location} on the leader, else the larger of {@code received_location} and
     * {@code replayed_location}, Patroni's own {@code wal_position}), and the {@code lag} of {@code GET /cluster}.
     * Returns the text written.
     */
    String writeObservations() {
        java.util.Map<String, Long> lag = new java.util.HashMap<>();
        members(rest(1)).stream().filter(m -> m.lag() >= 0).forEach(m -> lag.put(m.name(), m.lag()));
        StringBuilder b = new StringBuilder("# read live by the reality lab: GET /patroni of each member, GET /cluster"
                + "\nkind: inventory\nservers:\n");
        for (int i = 1; i <= MEMBERS; i++) {
            int member = i;
            JsonNode p = Http.json(rest(i), "/patroni").orElseThrow(() -> new IllegalStateException("pg-" + member
                    + " does not answer GET /patroni"));
            JsonNode x = p.path("xlog");
            long lsn = x.has("location") ? x.path("location").asLong() : Math.max(x.path("received_location")
                    .asLong(), x.path("replayed_location").asLong());
            b.append("  - name: pg-").append(i).append("\n    observed:\n      role: ").append(p.path("role").asText())
                    .append("\n      state: ").append(p.path("state").asText())
                    .append("\n      timeline: ").append(p.path("timeline").asLong())
                    .append("\n      lsn: ").append(lsn(lsn)).append('\n');
            if (!x.has("location") && lag.containsKey("pg-" + i)) {
                b.append("      lag-bytes: ").append(lag.get("pg-" + i)).append('\n');
            }
        }
        try {
            Files.writeString(configs.resolve("observed.yaml"), b.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.toString();
    }

    /** PostgreSQL's text form of a WAL position: {@code %X/%X} of the high and low 32 bits. */
    static String lsn(long position) {
        return Long.toHexString(position >>> 32).toUpperCase(java.util.Locale.ROOT) + "/"
                + Long.toHexString(position & 0xFFFFFFFFL).toUpperCase(java.util.Locale.ROOT);
    }

    /** The larger of a replica's received and replayed WAL positions, as GET /patroni reports them, or -1. */
    static long walPosition(int member) {
        return Http.json(rest(member), "/patroni").map(p -> p.path("xlog")).map(x -> x.has("location")
                ? x.path("location").asLong() : Math.max(x.path("received_location").asLong(-1),
                x.path("replayed_location").asLong(-1))).orElse(-1L);
    }

    /** Polls the survivors' REST APIs until one of them (not {@code dead}) leads, or the deadline passes. */
    Outcome observeFailover(long killedAt, List<Integer> dead) {
        List<Integer> alive = IntStream.rangeClosed(1, MEMBERS).boxed().filter(i -> !dead.contains(i)).toList();
        Optional<String> leader = LabHost.poll(LEADER_DEADLINE, () -> alive.stream()
                .flatMap(i -> members(rest(i)).stream()).filter(m -> m.leader() && m.running()
                        && dead.stream().noneMatch(d -> m.name().equals("pg-" + d))).map(Member::name).findFirst());
        String view = clusterView(rest(alive.get(0)));
        if (leader.isEmpty()) {
            boolean anyWritable = alive.stream().anyMatch(i -> writable(i, Duration.ofSeconds(5)));
            return anyWritable ? new Outcome(Outcome.Kind.PRIMARY_KEPT, null, null, null, view)
                    : Outcome.noPrimary(null, view);
        }
        long switchMs = RedisLab.msSince(killedAt);
        int member = Integer.parseInt(leader.get().substring(3));
        LabHost.awaitCondition(Duration.ofSeconds(30), leader.get() + " accepting writes",
                () -> writable(member, Duration.ofSeconds(5)));
        return Outcome.promoted(leader.get(), switchMs, RedisLab.msSince(killedAt), view);
    }

    @Override
    public void close() {
        procs.close();
    }
}
