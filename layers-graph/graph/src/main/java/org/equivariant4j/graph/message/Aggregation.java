package org.equivariant4j.graph.message;

/** How messages arriving at a node are combined: one segment sum (or mean) over the receivers. */
public enum Aggregation {
    SUM,
    MEAN
}
