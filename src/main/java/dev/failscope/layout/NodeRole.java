package dev.failscope.layout;

/** What a {@link NodeBox} stands for in the picture. */
public enum NodeRole {
    /** A cluster: a box enclosing its members (drawn underneath them). */
    CLUSTER,
    /** The primary member of the enclosing cluster (top layer of the box). */
    PRIMARY,
    /** A replica member of the enclosing cluster (lower layers, by replication depth). */
    REPLICA,
    /** A server in no cluster, placed beside the cluster that refers to it or on its own. */
    STANDALONE,
    /** A service, in the band above the lanes. */
    SERVICE,
    /** A route (pooler, proxy, connection string), in the band between the services and the lanes. */
    ROUTE
}
