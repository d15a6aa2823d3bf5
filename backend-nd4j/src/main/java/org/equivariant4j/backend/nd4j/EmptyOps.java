package org.equivariant4j.backend.nd4j;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Ops on tensors with no elements (an empty batch {@code [0, n]}), answered here without calling
 * ND4J, whose array methods refuse empty arrays ("Cannot perform operation ... on empty array",
 * "C array should NOT be a view"). The results follow PyTorch: an op keeps its output shape, so
 * {@code [0, n]} through a linear map or an elementwise function is {@code [0, m]}; a reduction
 * over an extent of 0 gives its identity (0 for a sum or norm, NaN for a mean or variance, -inf for
 * log-sum-exp) and max, min and argmax refuse, having none.
 *
 * <p>The gradient is zero for every input: an op answered here either has an empty output, on
 * which nothing downstream can depend, or an empty input, whose gradient has no entries. (Ops
 * where a non-empty input reaches a non-empty output past an empty one, such as concat, need no
 * help from here: ND4J handles them.)
 */
final class EmptyOps {

    private EmptyOps() {
    }

    /** Whether any of the tensors has no elements. */
    static boolean any(Nd4jTensor... tensors) {
        for (Nd4jTensor t : tensors) {
            if (t != null && t.value().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** The result of {@code op} with the given value, recorded with a zero gradient for every input. */
    static Nd4jTensor result(String op, INDArray out, Nd4jTensor... inputs) {
        return Nd4jTensor.record(op, out, g -> {
            INDArray[] grads = new INDArray[inputs.length];
            for (int i = 0; i < inputs.length; i++) {
                INDArray v = inputs[i].value();
                grads[i] = v.dataType().isFPType() ? Nd4j.zeros(v.dataType(), v.shape()) : null;
            }
            return grads;
        }, (g, y) -> {
            Nd4jTensor[] grads = new Nd4jTensor[inputs.length];
            for (int i = 0; i < inputs.length; i++) {
                INDArray v = inputs[i].value();
                grads[i] = v.dataType().isFPType() ? Nd4jTensor.leaf(Nd4j.zeros(v.dataType(), v.shape())) : null;
            }
            return grads;
        }, inputs);
    }

    /** An empty result of the input's shape and dtype: an elementwise op on an empty tensor. */
    static Nd4jTensor sameShape(String op, Nd4jTensor a) {
        return result(op, Nd4j.create(a.value().dataType(), a.value().shape()), a);
    }

    /** An array of {@code shape} filled with {@code value}; an empty one when the shape has a 0. */
    static INDArray filled(long[] shape, double value, DataType type) {
        for (long s : shape) {
            if (s == 0) {
                return Nd4j.create(type, shape);
            }
        }
        return Nd4j.valueArrayOf(shape, value, type);
    }
}
