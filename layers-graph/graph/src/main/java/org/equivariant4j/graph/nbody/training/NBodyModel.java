package org.equivariant4j.graph.nbody.training;

import org.equivariant4j.core.module.Module;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.graph.Graph;

/** A model of the N-body task: future positions {@code [N, 3]} from a batch of N-body graphs (see {@code NBodyExamples}). */
public interface NBodyModel {

    /** Predicted positions, node for node. */
    Tensor predict(Graph graph);

    /** The module holding the parameters. */
    Module module();
}
