package org.equivariant4j.fields.latentforce.model;

import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.graph.Graph;

/** State-to-state examples: the input states as graphs and the next positions and velocities, node for node. */
public record TransitionBatch(Graph graph, Tensor nextPositions, Tensor nextVelocities) {
}
