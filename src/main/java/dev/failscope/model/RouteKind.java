package dev.failscope.model;

/** The software (or file) a route was read from. */
public enum RouteKind {
    /** Written in Failscope's own format ({@code kind: route}). */
    DECLARED("route"),
    HAPROXY("haproxy"),
    PGBOUNCER("pgbouncer"),
    PGPOOL("pgpool-II"),
    PROXYSQL("proxysql"),
    /** A connection string in an application's config ({@code DATABASE_URL=…}, {@code jdbc:postgresql://…}). */
    CONNECTION_STRING("connection string"),
    /** A Kubernetes {@code Service} (with its {@code Endpoints} or selector). */
    KUBERNETES_SERVICE("kubernetes service");

    private final String label;

    RouteKind(String label) {
        this.label = label;
    }

    /** Lower-case label for messages: "pgbouncer", "connection string". */
    public String label() {
        return label;
    }
}
