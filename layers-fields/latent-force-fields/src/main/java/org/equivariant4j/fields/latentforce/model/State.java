package org.equivariant4j.fields.latentforce.model;

import org.equivariant4j.core.tensor.Tensor;

/** Positions and velocities {@code [N, dims]} of a batch of particles. */
public record State(Tensor positions, Tensor velocities) {
}
