package org.equivariant4j.backend.nd4j;


/** One recorded op in the graph: its name (for error messages), its inputs and its backward. */
record Node(String op, Nd4jTensor[] inputs, BackwardFn backward) {
}
