package org.equivariant4j.backend.nd4j.secondorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.junit.jupiter.api.Test;

/** The contract of {@code Tensor.grad} and {@code backward(createGraph)} (as PyTorch's {@code autograd.grad}). */
class CreateGraphApiTest {

    private static Tensor leaf(double... v) {
        return Tensors.of(v, DType.FLOAT64, v.length).requiresGrad(true);
    }

    @Test
    void unusedInputIsAnErrorNamingIt() {
        Tensor x = leaf(1, 2);
        Tensor unused = leaf(3);
        assertThatThrownBy(() -> Tensor.grad(List.of(x.mul(x).sum()), List.of(x, unused), true))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("input 1").hasMessageContaining("allowUnused");
    }

    @Test
    void unusedInputGetsZerosWhenAllowed() {
        Tensor x = leaf(1, 2);
        Tensor unused = leaf(3, 4, 5);
        for (boolean createGraph : new boolean[] {false, true}) {
            List<Tensor> g = Tensor.grad(List.of(x.mul(x).sum()), null, List.of(x, unused), createGraph, true);
            assertThat(g.get(0).toDoubleArray()).containsExactly(2, 4);
            assertThat(g.get(1).toDoubleArray()).containsExactly(0, 0, 0);
        }
    }

    @Test
    void gradientsOfSeveralOutputsWithSeedsAddUp() {
        Tensor x = leaf(1, 2);
        Tensor y = x.mul(x);
        Tensor z = x.mul(3.0);
        Tensor sy = Tensors.of(new double[] {1, 10}, DType.FLOAT64, 2);
        Tensor sz = Tensors.of(new double[] {2, 0}, DType.FLOAT64, 2);
        for (boolean createGraph : new boolean[] {false, true}) {
            Tensor g = Tensor.grad(List.of(y, z), List.of(sy, sz), List.of(x), createGraph, false).get(0);
            // 2x * sy + 3 * sz
            assertThat(g.toDoubleArray()).containsExactly(2 * 1 * 1 + 6, 2 * 2 * 10);
        }
        assertThat(x.grad()).isNull();
    }

    @Test
    void theSameOutputTwiceCountsTwice() {
        Tensor x = leaf(1, 2);
        Tensor y = x.mul(x).sum();
        for (boolean createGraph : new boolean[] {false, true}) {
            assertThat(Tensor.grad(List.of(y, y), List.of(x), createGraph).get(0).toDoubleArray()).containsExactly(4, 8);
        }
    }

    @Test
    void gradientWithRespectToAnIntermediateTensor() {
        Tensor x = leaf(1, 2);
        Tensor h = x.mul(2.0);
        Tensor y = h.mul(h).sum().add(x.sum());
        for (boolean createGraph : new boolean[] {false, true}) {
            List<Tensor> g = Tensor.grad(List.of(y), List.of(h, x), createGraph);
            assertThat(g.get(0).toDoubleArray()).containsExactly(4, 8);
            // total derivative for x: 2 * 2h + 1
            assertThat(g.get(1).toDoubleArray()).containsExactly(9, 17);
        }
    }

    @Test
    void withoutCreateGraphTheGradientHasNoHistory() {
        Tensor x = leaf(1, 2);
        Tensor g = Tensor.grad(List.of(x.mul(x).sum()), List.of(x), false).get(0);
        assertThat(g.requiresGrad()).isFalse();
        assertThat(g.isLeaf()).isTrue();
        Tensor gg = Tensor.grad(List.of(x.mul(x).sum()), List.of(x), true).get(0);
        assertThat(gg.requiresGrad()).isTrue();
    }

    @Test
    void badArgumentsAreRefusedClearly() {
        Tensor x = leaf(1, 2);
        Tensor y = x.mul(x);
        Tensor constant = Tensors.of(new double[] {1}, DType.FLOAT64, 1);
        assertThatThrownBy(() -> Tensor.grad(List.of(), List.of(x), false)).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> Tensor.grad(List.of(constant), List.of(x), false)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("output 0");
        assertThatThrownBy(() -> Tensor.grad(List.of(y.sum()), List.of(constant), false))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("input 0");
        assertThatThrownBy(() -> Tensor.grad(List.of(y), List.of(constant), List.of(x), false, false))
                .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("gradOutputs 0");
        assertThatThrownBy(() -> Tensor.grad(List.of(y), List.of(), List.of(x), false, false))
                .isInstanceOf(InvalidArgumentException.class);
    }

    /**
     * The alternative first-order design kept for measurement
     * ({@code -Dequivariant4j.autograd.firstOrder=graph}: each op's tensor-op backward, unrecorded)
     * computes the same gradients as the raw pass, so the measurement compares equals.
     */
    @Test
    void firstOrderThroughTheTensorOpBackwardsGivesTheSameGradients() {
        double[][] raw = mlpGradients();
        String saved = System.setProperty("equivariant4j.autograd.firstOrder", "graph");
        try {
            double[][] graph = mlpGradients();
            for (int i = 0; i < raw.length; i++) {
                assertThat(graph[i]).containsExactly(raw[i], within(1e-12));
            }
        } finally {
            if (saved == null) {
                System.clearProperty("equivariant4j.autograd.firstOrder");
            } else {
                System.setProperty("equivariant4j.autograd.firstOrder", saved);
            }
        }
    }

    private static double[][] mlpGradients() {
        org.equivariant4j.core.tensor.Rng rng = new org.equivariant4j.core.tensor.Rng(8);
        Tensor x = Tensors.randn(rng, DType.FLOAT64, 5, 3);
        Tensor w1 = Tensors.randn(rng, DType.FLOAT64, 3, 4).requiresGrad(true);
        Tensor w2 = Tensors.randn(rng, DType.FLOAT64, 4, 2).requiresGrad(true);
        Tensor h = x.matmul(w1).silu();
        h.matmul(w2).logSoftmax(1).mul(h.sum(1, true)).sum().backward();
        return new double[][] {w1.grad().toDoubleArray(), w2.grad().toDoubleArray()};
    }

    /**
     * A first-order backward over a graph a create-graph pass recorded (the usual gradient-penalty
     * step) frees its own intermediate gradients early; the values of the recorded gradient graph
     * must survive it, so a second backward over the same graph gives the same answer.
     */
    @Test
    void earlyFreesSpareTheRecordedGradientGraph() {
        Tensor w = Tensors.of(new double[] {0.5, -1.0, 2.0, 0.3, 0.7, -0.2}, DType.FLOAT64, 3, 2).requiresGrad(true);
        Tensor x = Tensors.of(new double[] {1, 2, 3, -1, 0.5, 0.25}, DType.FLOAT64, 2, 3).requiresGrad(true);
        Tensor out = x.matmul(w).tanh().sum();
        Tensor gx = Tensor.grad(List.of(out), List.of(x), true).get(0);
        double[] gxBefore = gx.toDoubleArray();
        Tensor penalty = gx.mul(gx).sum();
        penalty.backward();
        double[] first = w.grad().toDoubleArray();
        w.zeroGrad();
        penalty.backward();
        assertThat(w.grad().toDoubleArray()).containsExactly(first, within(0.0));
        assertThat(gx.toDoubleArray()).containsExactly(gxBefore, within(0.0));
    }
}
