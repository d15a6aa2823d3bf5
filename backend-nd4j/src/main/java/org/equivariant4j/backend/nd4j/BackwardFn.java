package org.equivariant4j.backend.nd4j;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The recorded backward of one op: given the gradient of the op's output, the gradients of its
 * inputs in order ({@code null} for an input that needs none). Implementations must not modify
 * {@code gradOutput}; returned arrays may alias it.
 */
@FunctionalInterface
interface BackwardFn {
    INDArray[] apply(INDArray gradOutput);
}
