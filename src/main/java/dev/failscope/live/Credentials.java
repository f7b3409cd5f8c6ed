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
