package org.equivariant4j.backend.nd4j;

/**
 * The backward of one op written in tensor ops, run by create-graph passes ({@link GraphAutograd})
 * with gradient recording on, so that the gradients it returns are themselves recorded and can be
 * differentiated again. First-order passes run the op's {@link BackwardFn} over raw arrays instead
 * (see {@link GraphAutograd} for why both exist).
 */
@FunctionalInterface
interface GraphBackward {
    /**
     * The gradients of the op's inputs in order ({@code null} for an input that needs none), given
     * the gradient of its output (which may itself require a gradient) and the output tensor itself
     * (for derivatives written in terms of the result, e.g. {@code exp}).
     */
    Nd4jTensor[] apply(Nd4jTensor gradOutput, Nd4jTensor output);
}
