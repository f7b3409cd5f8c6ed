package dev.failscope.live;

import java.util.ArrayList;
import java.util.List;

/** Three fake Patroni 3.0 members (pg-1 leads) answering /cluster, /config and /patroni like the real REST API. */
final class FakePatroni implements AutoCloseable {
    final List<FakeHttp> members = new ArrayList<>();

    FakePatroni(String pg3Tags, long pg3Lag) {
        for (int i = 0; i < 3; i++) {
            members.add(new FakeHttp());
        }
        String cluster = "{\"members\":["
                + member(1, "leader", "running", null, "{}") + ","
                + member(2, "sync_standby", "streaming", 0L, "{}") + ","
                + member(3, "replica", "streaming", pg3Lag, pg3Tags)
                + "],\"scope\":\"lab\"}";
        String config = "{\"ttl\":10,\"loop_wait\":2,\"retry_timeout\":5,\"maximum_lag_on_failover\":1048576,"
                + "\"synchronous_mode\":true,\"postgresql\":{\"use_pg_rewind\":false}}";
        for (int i = 1; i <= 3; i++) {
            FakeHttp h = members.get(i - 1);
            h.answer("/cluster", cluster).answer("/config", config);
            h.answer("/patroni", i == 1
                    ? "{\"state\":\"running\",\"role\":\"master\",\"server_version\":150005,\"xlog\":{\"location\":"
                    + "50331976},\"timeline\":1,\"patroni\":{\"version\":\"3.0.2\",\"scope\":\"lab\"}}"
                    : "{\"state\":\"running\",\"role\":\"replica\",\"server_version\":150005,\"xlog\":{"
                    + "\"received_location\":50331976,\"replayed_location\":50331648,\"paused\":false},"
                    + "\"timeline\":1,\"replication_state\":\"streaming\",\"patroni\":{\"version\":\"3.0.2\","
                    + "\"scope\":\"lab\"}}");
        }
    }

    private String member(int i, String role, String state, Long lag, String tags) {
        return "{\"name\":\"pg-" + i + "\",\"role\":\"" + role + "\",\"state\":\"" + state + "\",\"api_url\":\""
                + members.get(i - 1).url() + "/patroni\",\"host\":\"127.0.0.1\",\"port\":" + (5431 + i)
                + ",\"timeline\":1" + (lag == null ? "" : ",\"lag\":" + lag) + ",\"tags\":" + tags + "}";
    }

    String url(int member) {
        return members.get(member - 1).url();
    }

    @Override
    public void close() {
        members.forEach(FakeHttp::close);
    }
}
