package org.equivariant4j.graph.nbody.training;

import org.equivariant4j.core.group.Group;
import org.equivariant4j.core.tensor.Rng;

/** Makes the model an {@link NBodyExperiment} trains, from the experiment's group (E(3)), width, depth and seeded Rng. */
@FunctionalInterface
public interface NBodyModelFactory {

    NBodyModel create(Group group, int hidden, int layers, Rng rng);
}
