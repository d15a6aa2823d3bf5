package org.equivariant4j.graph.nbody;

import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.graph.Graph;

/** A batch of N-body examples: the input graphs and the target positions {@code [N, 3]}, node for node. */
public record NBodyBatch(Graph graph, Tensor targets) {
}
