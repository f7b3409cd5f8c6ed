package dev.failscope.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A key the format does not define, kept by the loader so the {@code unknown-key} rule can report it.
 *
 * @param subject    the element holding the key (server, cluster, service, the failover's cluster), or the
 *                   document's kind when it has none
 * @param key        the unknown key
 * @param suggestion the closest valid key, or null
 * @param position   position of the key
 * @param where      the holder as messages name it, e.g. {@code failover of 'posts-db'} or
 *                   {@code replica 'pg-2' of cluster 'posts-db'}
 */
public record UnknownKey(String subject, String key, String suggestion, SourcePosition position, String where) {
    public UnknownKey {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(where, "where");
    }

    /** A key whose holder is described by its subject alone: {@code 'subject'}. */
    public UnknownKey(String subject, String key, String suggestion, SourcePosition position) {
        this(subject, key, suggestion, position, "'" + subject + "'");
    }

    public Optional<String> suggestionOpt() {
        return Optional.ofNullable(suggestion);
    }
}
