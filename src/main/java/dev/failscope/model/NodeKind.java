package dev.failscope.model;

/** What a graph vertex stands for. */
public enum NodeKind {
    SERVER, CLUSTER, SERVICE,
    /** A pooler, proxy, connection string or Kubernetes Service between services and a cluster. */
    ROUTE
}
