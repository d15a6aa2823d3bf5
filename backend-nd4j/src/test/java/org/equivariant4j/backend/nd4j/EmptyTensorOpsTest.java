package org.equivariant4j.backend.nd4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Function;

import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.tensor.ConvSpec;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.PoolSpec;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.junit.jupiter.api.Test;

/**
 * Empty batches ({@code [0, n]}) through the ops, forward and backward, as PyTorch: shapes are kept
 * ({@code [0, n] -> [0, m]}), a reduction over an extent of 0 gives its identity (sum 0, mean NaN,
 * log-sum-exp -inf), max/min/argmax over one refuse with our message, and a non-empty input that
 * meets an empty one gets a zero gradient (it contributed to no output entry).
 */
class EmptyTensorOpsTest {

    private static Tensor emptyLeaf(int... shape) {
        return Tensors.zeros(DType.FLOAT64, shape).requiresGrad(true);
    }

    private static Tensor leaf(Rng rng, int... shape) {
        return Tensors.randn(rng, DType.FLOAT64, shape).requiresGrad(true);
    }

    /** Runs {@code f} on an empty {@code [0, 3]} leaf and back-propagates a (empty) gradient of its output. */
    private static Tensor forwardAndBack(Tensor x, Function<Tensor, Tensor> f) {
        Tensor y = f.apply(x);
        if (y.numel() == 1) {
            y.backward();
        } else {
            y.backward(Tensors.zeros(y.dtype(), y.shape()));
        }
        return y;
    }

    @Test
    void elementwiseFunctionsKeepTheEmptyShapeBothWays() {
        for (Function<Tensor, Tensor> f : java.util.List.<Function<Tensor, Tensor>>of(Tensor::relu, Tensor::exp, Tensor::log,
                Tensor::sqrt, Tensor::abs, Tensor::sin, Tensor::cos, Tensor::tanh, Tensor::sigmoid, Tensor::gelu, Tensor::silu,
                Tensor::softplus, Tensor::neg, t -> t.elu(1.0), t -> t.leakyRelu(0.1), t -> t.clamp(-1, 1), t -> t.pow(2.0),
                t -> t.add(1.0), t -> t.mul(2.0), t -> t.div(2.0), t -> t.softmax(1), t -> t.logSoftmax(1),
                t -> t.to(DType.FLOAT32).to(DType.FLOAT64))) {
            Tensor x = emptyLeaf(0, 3);
            Tensor y = forwardAndBack(x, f);
            assertThat(y.shape()).containsExactly(0, 3);
            assertThat(x.grad().shape()).containsExactly(0, 3);
        }
    }

    @Test
    void binaryOpsBroadcastToTheEmptyShapeAndGiveTheOtherOperandAZeroGradient() {
        Rng rng = new Rng(1);
        for (Function<Tensor[], Tensor> f : java.util.List.<Function<Tensor[], Tensor>>of(t -> t[0].add(t[1]),
                t -> t[0].sub(t[1]), t -> t[0].mul(t[1]), t -> t[0].div(t[1]), t -> t[1].pow(t[0]),
                t -> Tensors.where(t[0].gt(0.0), t[0], t[1]))) {
            Tensor x = emptyLeaf(0, 3);
            Tensor b = leaf(rng, 3);
            Tensor y = f.apply(new Tensor[] {x, b});
            y.backward(Tensors.zeros(y.dtype(), y.shape()));
            assertThat(y.shape()).containsExactly(0, 3);
            assertThat(x.grad().shape()).containsExactly(0, 3);
            assertThat(b.grad().toDoubleArray()).containsExactly(0, 0, 0);
        }
        Tensor x = emptyLeaf(0, 3);
        assertThat(x.add(x).shape()).containsExactly(0, 3);
        assertThat(x.gt(x).shape()).containsExactly(0, 3);
        assertThat(x.lt(0.0).dtype()).isEqualTo(DType.BOOL);
        assertThat(x.maskedFill(x.gt(0.0), 1.0).shape()).containsExactly(0, 3);
    }

    @Test
    void aLinearMapOfAnEmptyBatchIsEmptyAndItsWeightGradientIsZero() {
        Rng rng = new Rng(2);
        Tensor x = emptyLeaf(0, 4);
        Tensor w = leaf(rng, 3, 4);
        Tensor b = leaf(rng, 3);
        Tensor y = x.matmul(w.transpose(0, 1)).add(b);
        assertThat(y.shape()).containsExactly(0, 3);
        // A loss over the empty output that still reaches the parameters: sum is 0, its gradient 0.
        y.sum().backward();
        assertThat(x.grad().shape()).containsExactly(0, 4);
        assertThat(w.grad().toDoubleArray()).containsOnly(0.0).hasSize(12);
        assertThat(b.grad().toDoubleArray()).containsOnly(0.0).hasSize(3);

        Tensor batched = emptyLeaf(2, 0, 4);
        assertThat(batched.matmul(w.transpose(0, 1)).shape()).containsExactly(2, 0, 3);
        assertThat(emptyLeaf(0, 4).matmul(Tensors.ones(DType.FLOAT64, 4)).shape()).containsExactly(0);
    }

    @Test
    void aProductOverAnEmptyInnerDimensionIsZeros() {
        Tensor x = emptyLeaf(2, 0);
        Tensor y = emptyLeaf(0, 3);
        Tensor p = x.matmul(y);
        assertThat(p.shape()).containsExactly(2, 3);
        assertThat(p.toDoubleArray()).containsOnly(0.0).hasSize(6);
        p.sum().backward();
        assertThat(x.grad().shape()).containsExactly(2, 0);
        assertThat(y.grad().shape()).containsExactly(0, 3);
    }

    @Test
    void reductionsOverAnEmptyExtentGiveTheirIdentityAsPyTorch() {
        Tensor x = emptyLeaf(0, 3);
        assertThat(x.sum().item()).isEqualTo(0.0);
        assertThat(x.sum(0, false).toDoubleArray()).containsExactly(0, 0, 0);
        assertThat(x.sum(1, false).shape()).containsExactly(0);
        assertThat(x.sum(1, true).shape()).containsExactly(0, 1);
        assertThat(x.mean().item()).isNaN();
        assertThat(x.mean(0, false).toDoubleArray()).containsOnly(Double.NaN).hasSize(3);
        assertThat(x.mean(1, false).shape()).containsExactly(0);
        assertThat(x.var(new int[] {0}, false).toDoubleArray()).containsOnly(Double.NaN).hasSize(3);
        assertThat(x.norm().item()).isEqualTo(0.0);
        assertThat(x.logSumExp(0, false).toDoubleArray()).containsOnly(Double.NEGATIVE_INFINITY).hasSize(3);
        assertThat(x.logSumExp(1, false).shape()).containsExactly(0);
        assertThat(x.max(1, false).shape()).containsExactly(0);
        assertThat(x.min(1, true).shape()).containsExactly(0, 1);
        assertThat(x.argmax(1).shape()).containsExactly(0);

        for (Function<Tensor, Tensor> f : java.util.List.<Function<Tensor, Tensor>>of(Tensor::sum, Tensor::mean, Tensor::norm,
                t -> t.sum(0, false).sum(), t -> t.var(new int[] {0, 1}, false), t -> t.max(1, false).sum())) {
            Tensor leaf = emptyLeaf(0, 3);
            forwardAndBack(leaf, f);
            assertThat(leaf.grad().shape()).containsExactly(0, 3);
        }
    }

    @Test
    void maxMinAndArgmaxOverAnEmptyExtentAreRefusedByName() {
        Tensor x = emptyLeaf(0, 3);
        assertThatThrownBy(x::max).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("max: cannot reduce over dimension 0 of [0, 3], which has size 0");
        assertThatThrownBy(() -> x.min(0, false)).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("min: cannot reduce over dimension 0");
        assertThatThrownBy(() -> x.argmax(0)).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("argmax: cannot reduce over dimension 0");
    }

    @Test
    void joiningAnEmptyTensorWithItselfAccumulatesEmptyGradients() {
        Tensor x = emptyLeaf(0, 3);
        Tensor y = Tensors.concat(0, x, x).add(Tensors.stack(0, x, x).sum(0, false));
        y.backward(Tensors.zeros(DType.FLOAT64, 0, 3));
        assertThat(x.grad().shape()).containsExactly(0, 3);
        // A second backward into the same leaf adds nothing and keeps the empty gradient.
        x.mul(2.0).backward(Tensors.zeros(DType.FLOAT64, 0, 3));
        assertThat(x.grad().shape()).containsExactly(0, 3);
    }

    @Test
    void poolingAndConvolutionOfAnEmptyBatchAreEmptyWithZeroWeightGradients() {
        Rng rng = new Rng(3);
        for (Function<Tensor, Tensor> f : java.util.List.<Function<Tensor, Tensor>>of(t -> t.maxPool(PoolSpec.of(2, 2)),
                t -> t.avgPool(PoolSpec.of(2, 2)), t -> t.adaptiveAvgPool(1, 1), t -> t.adaptiveMaxPool(3, 3))) {
            Tensor x = emptyLeaf(0, 2, 4, 4);
            Tensor y = forwardAndBack(x, f);
            assertThat(y.shape()[0]).isZero();
            assertThat(y.shape()[1]).isEqualTo(2);
            assertThat(x.grad().shape()).containsExactly(0, 2, 4, 4);
        }
        assertThat(emptyLeaf(0, 2, 6).maxPool(PoolSpec.of(1, 2)).shape()).containsExactly(0, 2, 3);

        Tensor x = emptyLeaf(0, 2, 5, 5);
        Tensor w = leaf(rng, 3, 2, 3, 3);
        Tensor b = leaf(rng, 3);
        Tensor y = x.conv(w, b, ConvSpec.of(2).withStride(2));
        assertThat(y.shape()).containsExactly(0, 3, 2, 2);
        y.sum().backward();
        assertThat(x.grad().shape()).containsExactly(0, 2, 5, 5);
        assertThat(w.grad().toDoubleArray()).containsOnly(0.0).hasSize(54);
        assertThat(b.grad().toDoubleArray()).containsOnly(0.0).hasSize(3);
        Tensor wt = leaf(rng, 2, 3, 3, 3);
        assertThat(emptyLeaf(0, 2, 4, 4).convTranspose(wt, null, ConvSpec.of(2)).shape()).containsExactly(0, 3, 6, 6);
    }

    @Test
    void emptySpatialExtentsAreStillRefusedByName() {
        assertThatThrownBy(() -> emptyLeaf(2, 2, 0, 4).maxPool(PoolSpec.of(2, 2))).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("maxPool: spatial dimension 2 of the input [2, 2, 0, 4] is empty");
        assertThatThrownBy(() -> emptyLeaf(2, 0, 4, 4).conv(Tensors.ones(DType.FLOAT64, 3, 1, 3, 3), null, ConvSpec.of(2)))
                .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("conv: dimension 1 of the input is empty");
    }
}
