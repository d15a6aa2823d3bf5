package org.equivariant4j.backend.nd4j.autograd;

import org.equivariant4j.backend.nd4j.Nd4jTensor;

/** One recorded op in the graph: its name (for error messages), its inputs and its backward. */
public record Node(String op, Nd4jTensor[] inputs, BackwardFn backward) {
}
