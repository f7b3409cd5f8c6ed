package dev.failscope.model;

/** What a graph vertex stands for. */
public enum NodeKind { SERVER, CLUSTER, SERVICE }
