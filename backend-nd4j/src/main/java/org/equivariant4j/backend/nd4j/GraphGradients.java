package org.equivariant4j.backend.nd4j;

import java.util.function.UnaryOperator;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Building blocks of the {@link GraphBackward}s: the tensor-op forms of the shape bookkeeping the
 * raw backwards do on arrays (sharing their axis arithmetic), constants, and linear maps recorded
 * with their adjoint so that they are differentiable to any order.
 */
final class GraphGradients {

    private GraphGradients() {
    }

    /** {@code a} as a tensor outside the graph: a mask or coefficient the derivative treats as fixed. */
    static Nd4jTensor constant(INDArray a) {
        return Nd4jTensor.leaf(a);
    }

    /** {@code g} reshaped (row-major) to {@code shape}. */
    static Nd4jTensor reshape(Nd4jTensor g, long[] shape) {
        int[] s = new int[shape.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = (int) shape[i];
        }
        return ShapeOps.reshape(g, s);
    }

    /** {@link Broadcast#reduceTo} in tensor ops: {@code g} summed over the broadcast dimensions of an operand of {@code target} shape. */
    static Nd4jTensor reduceTo(Nd4jTensor g, long[] target) {
        int[] axes = Broadcast.reducedAxes(g.value().shape(), target);
        if (axes == null) {
            return g;
        }
        Nd4jTensor summed = axes.length == 0 ? g : ReductionOps.sum(g, axes, true);
        return reshape(summed, target);
    }

    /** {@link ReductionOps#expandBack} in tensor ops: a reduction's output gradient broadcast back over its input. */
    static Nd4jTensor expandBack(Nd4jTensor g, long[] inputShape, int[] axes) {
        Nd4jTensor kept = reshape(g, ReductionOps.keptShape(inputShape, axes));
        int[] s = new int[inputShape.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = (int) inputShape[i];
        }
        return ShapeOps.expand(kept, s);
    }

    /** {@code 1 - a}. */
    static Nd4jTensor oneMinus(Nd4jTensor a) {
        return ElementwiseOps.addScalar(ElementwiseOps.mulScalar(a, -1.0), 1.0);
    }

    /**
     * The linear map {@code apply} of {@code g}, recorded with its adjoint {@code adjoint} as
     * backward, and the adjoint recorded with {@code apply} in turn: a linear op's backward (a
     * scatter for a gather, a crop for a pad) becomes differentiable to any order from the two
     * array functions it already has.
     */
    static Nd4jTensor linear(String op, Nd4jTensor g, UnaryOperator<INDArray> apply, UnaryOperator<INDArray> adjoint) {
        return Nd4jTensor.record(op, apply.apply(g.value()), h -> new INDArray[] {adjoint.apply(h)},
                (h, out) -> new Nd4jTensor[] {linear(op, h, adjoint, apply)}, g);
    }
}
