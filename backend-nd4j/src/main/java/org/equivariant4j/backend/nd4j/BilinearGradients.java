package org.equivariant4j.backend.nd4j;

import java.util.function.BinaryOperator;

import org.equivariant4j.core.tensor.GradMode;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Differentiable backwards of a bilinear op {@code B(x, w)} (convolution, transposed convolution)
 * from its tensor-level forward alone. The input gradient {@code Bx*(g, w)} and the weight gradient
 * {@code Bw*(g, x)} are recorded as ops of their own whose backwards follow from
 * {@code <h, Bx*(g, w)> = <B(h, w), g>} and {@code <h, Bw*(g, x)> = <B(x, h), g>}:
 * <ul>
 *   <li>{@code Bx*(g, w)} with upstream {@code h}: {@code B(h, w)} for {@code g}, {@code Bw*(g, h)} for {@code w};</li>
 *   <li>{@code Bw*(g, x)} with upstream {@code h}: {@code B(x, h)} for {@code g}, {@code Bx*(g, h)} for {@code x};</li>
 * </ul>
 * so the gradients are differentiable to any order. Their values come from the op's own first-order
 * backward, run on a forward recomputed at the operands (create-graph passes only; a first-order
 * pass never comes here).
 */
final class BilinearGradients {
    private final String op;
    private final BinaryOperator<Nd4jTensor> forward;

    /** {@code forward} computes {@code B(x, w)} in tensor ops (recorded when recording is on). */
    BilinearGradients(String op, BinaryOperator<Nd4jTensor> forward) {
        this.op = op;
        this.forward = forward;
    }

    /** The gradients of {@code <g, B(x, w)>} for {@code x} and {@code w}, as recorded tensors. */
    Nd4jTensor[] backward(Nd4jTensor g, Nd4jTensor x, Nd4jTensor w) {
        INDArray[] raw = vjp(x.value(), w.value(), g.value());
        return new Nd4jTensor[] {inputGrad(g, w, x.value(), raw[0]), weightGrad(g, x, w.value(), raw[1])};
    }

    /** {@code Bx*(g, w)}, an array of the shape of {@code like}; {@code value} when already computed. */
    private Nd4jTensor inputGrad(Nd4jTensor g, Nd4jTensor w, INDArray like, INDArray value) {
        INDArray v = value != null ? value : vjp(like, w.value(), g.value())[0];
        return Nd4jTensor.record(op + "InputGrad", v,
                h -> new INDArray[] {plain(h, w.value()), vjp(h, w.value(), g.value())[1]},
                (h, out) -> new Nd4jTensor[] {forward.apply(h, w), weightGrad(g, h, w.value(), null)}, g, w);
    }

    /** {@code Bw*(g, x)}, an array of the shape of {@code like}; {@code value} when already computed. */
    private Nd4jTensor weightGrad(Nd4jTensor g, Nd4jTensor x, INDArray like, INDArray value) {
        INDArray v = value != null ? value : vjp(x.value(), like, g.value())[1];
        return Nd4jTensor.record(op + "WeightGrad", v,
                h -> new INDArray[] {plain(x.value(), h), vjp(x.value(), h, g.value())[0]},
                (h, out) -> new Nd4jTensor[] {forward.apply(x, h), inputGrad(g, h, x.value(), null)}, g, x);
    }

    /** {@code B(x, w)} as a plain array. */
    private INDArray plain(INDArray x, INDArray w) {
        try (GradMode.Scope ignored = GradMode.disabled()) {
            return forward.apply(Nd4jTensor.leaf(x), Nd4jTensor.leaf(w)).value();
        }
    }

    /** The first-order gradients of {@code <g, B(x, w)>} for {@code x} and {@code w}, by the op's own backward. */
    private INDArray[] vjp(INDArray x, INDArray w, INDArray g) {
        Nd4jTensor xt = Nd4jTensor.leaf(x);
        Nd4jTensor wt = Nd4jTensor.leaf(w);
        xt.requiresGrad(true);
        wt.requiresGrad(true);
        Nd4jTensor out;
        try (GradMode.Scope ignored = GradMode.enabled()) {
            out = forward.apply(xt, wt);
        }
        return out.node().backward().apply(g);
    }
}
