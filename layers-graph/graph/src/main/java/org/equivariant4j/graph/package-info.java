/**
 * Batched geometric graphs ({@link org.equivariant4j.graph.Graph}): block-diagonal batching, graph
 * construction ({@link org.equivariant4j.graph.Connectivity}), the E(n) and node-permutation actions,
 * {@link org.equivariant4j.graph.GraphLayer} and its binding to core's field types for the test kit.
 */
package org.equivariant4j.graph;
