package org.equivariant4j.fields.enf.fit;

/** How the outer loss of meta-learned auto-decoding is differentiated through the inner fitting steps. */
public enum MetaGradient {
    /**
     * Exactly: the inner gradients are recorded in the graph ({@code Tensor.grad(..., createGraph = true)}), so the
     * outer gradient includes how each inner step's gradient depends on the initialisation and the field (MAML).
     */
    SECOND_ORDER,
    /**
     * First-order MAML: the inner gradients are constants. Cheaper (no backward of a backward) but the meta-gradient
     * misses the curvature terms; the outer gradient still reaches the initialisation, the learning rates and the
     * field through the final decoding.
     */
    FIRST_ORDER
}
