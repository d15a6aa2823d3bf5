package org.equivariant4j.backend.nd4j;


/**
 * One recorded op in the graph: its name (for error messages), its inputs, its first-order
 * backward over raw arrays and its backward in tensor ops for create-graph passes ({@code null}
 * when the op has none: a create-graph pass through it then fails naming it).
 */
record Node(String op, Nd4jTensor[] inputs, BackwardFn backward, GraphBackward graphBackward) {
}
