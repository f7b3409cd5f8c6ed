package dev.failscope.scene;

/** Paint order of a scene's groups: a backend draws them as listed, which is this order. */
public enum Layer { LANES, CLUSTERS, EDGES, NODES, LABELS, STATES, CHANGES, SELECTION }
