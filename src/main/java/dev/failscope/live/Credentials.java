package dev.failscope.live;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Secrets for the live sources, from environment variables or a password file; never printed ({@link #toString}
 * names only which ones are set).
 *
 * @param patroniUser     Patroni REST API basic-auth user ({@code restapi.authentication.username}), or null
 * @param patroniPassword its password, or null
 * @param redisUser       Redis/Sentinel ACL user ({@code AUTH user pass}), or null for {@code AUTH pass}
 * @param redisPassword   Redis/Sentinel password ({@code requirepass}, like {@code REDISCLI_AUTH}), or null
 * @param etcdUser        etcd basic-auth user of the JSON gateway, or null
 * @param etcdPassword    its password, or null
 */
public record Credentials(String patroniUser, String patroniPassword, String redisUser, String redisPassword,
                          String etcdUser, String etcdPassword) {
    public static final Credentials NONE = new Credentials(null, null, null, null, null, null);

    /**
     * From the environment: {@code FAILSCOPE_PATRONI_USER}/{@code _PASSWORD}, {@code FAILSCOPE_REDIS_USER},
     * {@code FAILSCOPE_REDIS_PASSWORD} (else {@code REDISCLI_AUTH}, as redis-cli reads it),
     * {@code FAILSCOPE_ETCD_USER}/{@code _PASSWORD}; {@code file} entries ({@code patroni.user}, ...) win.
     */
    public static Credentials from(java.util.Map<String, String> env, java.util.Properties file) {
        return new Credentials(
                file.getProperty("patroni.user", env.get("FAILSCOPE_PATRONI_USER")),
                file.getProperty("patroni.password", env.get("FAILSCOPE_PATRONI_PASSWORD")),
                file.getProperty("redis.user", env.get("FAILSCOPE_REDIS_USER")),
                file.getProperty("redis.password", env.getOrDefault("FAILSCOPE_REDIS_PASSWORD",
                        env.get("REDISCLI_AUTH"))),
                file.getProperty("etcd.user", env.get("FAILSCOPE_ETCD_USER")),
                file.getProperty("etcd.password", env.get("FAILSCOPE_ETCD_PASSWORD")));
    }

    /** The {@code Authorization} header value for Patroni, when a user and password are set. */
    Optional<String> patroniBasic() {
        return basic(patroniUser, patroniPassword);
    }

    Optional<String> etcdBasic() {
        return basic(etcdUser, etcdPassword);
    }

    private static Optional<String> basic(String user, String password) {
        if (user == null || password == null) {
            return Optional.empty();
        }
        return Optional.of("Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        return "Credentials[patroni=" + set(patroniPassword) + ", redis=" + set(redisPassword) + ", etcd="
                + set(etcdPassword) + "]";
    }

    private static String set(String s) {
        return s == null ? "none" : "set";
    }
}
