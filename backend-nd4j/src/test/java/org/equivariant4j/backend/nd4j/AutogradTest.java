package org.equivariant4j.backend.nd4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.equivariant4j.core.error.DTypeMismatchException;
import org.equivariant4j.core.error.Equivariant4jException;
import org.equivariant4j.core.error.NumericalAnomalyException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.tensor.AnomalyMode;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.GradMode;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.junit.jupiter.api.Test;

/** The graph bookkeeping: accumulation, scopes, detaching, and the errors a user meets. */
class AutogradTest {

    private static Tensor leaf(double... values) {
        return Tensors.of(values, DType.FLOAT64, values.length).requiresGrad(true);
    }

    @Test
    void gradientSumsOverEveryUseOfATensor() {
        Tensor x = leaf(1, 2, 3);
        // y = x*x + 3x  ->  dy/dx = 2x + 3
        x.mul(x).add(x.mul(3.0)).sum().backward();
        assertThat(x.grad().toDoubleArray()).containsExactly(5, 7, 9);
    }

    @Test
    void aSummedGradientPassedOnToSeveralInputsIsNotAddedIntoLater() {
        // t's gradient is a sum (t is used twice); add hands that one array to both u and w, and
        // u then receives more from its other uses, in either order: each sum must stay separate.
        Tensor x = leaf(1, 2);
        Tensor u = x.mul(2.0);
        Tensor w = x.mul(3.0);
        Tensor t = u.add(w);
        // d/dx [(t + t) + u + u] = 2 * (2 + 3) + 2 + 2 = 14
        u.add(t.add(t)).add(u).sum().backward();
        assertThat(x.grad().toDoubleArray()).containsExactly(14, 14);
        Tensor y = leaf(1, 2);
        Tensor p = y.mul(2.0);
        Tensor q = y.mul(3.0);
        Tensor r = p.add(q);
        // d/dy [(r + r) * 1 + q * 5] = 2 * (2 + 3) + 15 = 25, with w's other use before and after r's
        r.add(r).add(q.mul(5.0)).add(p.mul(0.0)).sum().backward();
        assertThat(y.grad().toDoubleArray()).containsExactly(25, 25);
    }

    @Test
    void gradientsAccumulateAcrossBackwardCallsUntilZeroed() {
        Tensor x = leaf(1, 2);
        x.mul(2.0).sum().backward();
        x.mul(2.0).sum().backward();
        assertThat(x.grad().toDoubleArray()).containsExactly(4, 4);
        x.zeroGrad();
        assertThat(x.grad()).isNull();
    }

    @Test
    void aDiamondGraphIsWalkedOnceInTopologicalOrder() {
        Tensor x = leaf(2);
        Tensor a = x.exp();
        Tensor b = a.mul(a).add(a);   // b = e^{2x} + e^x
        b.sum().backward();
        double expected = 2 * Math.exp(4) + Math.exp(2);
        assertThat(x.grad().item()).isCloseTo(expected, within(1e-9));
    }

    @Test
    void aDeepChainDoesNotOverflowTheStack() {
        Tensor x = leaf(1);
        Tensor y = x;
        for (int i = 0; i < 20_000; i++) {
            y = y.add(0.0);
        }
        y.sum().backward();
        assertThat(x.grad().item()).isEqualTo(1.0);
    }

    @Test
    void noGradScopeRecordsNothing() {
        Tensor x = leaf(1, 2);
        Tensor y;
        try (GradMode.Scope ignored = GradMode.disabled()) {
            y = x.mul(2.0);
            assertThat(GradMode.isEnabled()).isFalse();
        }
        assertThat(GradMode.isEnabled()).isTrue();
        assertThat(y.requiresGrad()).isFalse();
        assertThatThrownBy(() -> y.sum().backward()).isInstanceOf(Equivariant4jException.class)
                .hasMessageContaining("does not require a gradient");
    }

    @Test
    void detachCutsTheGraph() {
        Tensor x = leaf(3);
        Tensor y = x.mul(x).detach().mul(x);   // only the last factor carries a gradient: d/dx = x^2
        y.sum().backward();
        assertThat(x.grad().item()).isEqualTo(9.0);
    }

    @Test
    void backwardWithAnExplicitGradientForNonScalars() {
        Tensor x = leaf(1, 2, 3);
        Tensor y = x.mul(x);
        assertThatThrownBy(y::backward).isInstanceOf(ShapeMismatchException.class).hasMessageContaining("backward(Tensor)");
        y.backward(Tensors.of(new double[] {1, 0, 2}, DType.FLOAT64, 3));
        assertThat(x.grad().toDoubleArray()).containsExactly(2, 0, 12);
    }

    @Test
    void onlyFloatingLeavesCanRequireGradients() {
        Tensor x = leaf(1);
        Tensor y = x.mul(2.0);
        assertThatThrownBy(() -> y.requiresGrad(true)).hasMessageContaining("only leaves");
        assertThatThrownBy(() -> Tensors.of(new long[] {1, 2}, 2).requiresGrad(true)).isInstanceOf(DTypeMismatchException.class)
                .hasMessageContaining("INT64");
    }

    @Test
    void shapeMismatchNamesTheOpAndBothShapes() {
        Tensor a = Tensors.zeros(2, 3);
        Tensor b = Tensors.zeros(4, 3);
        assertThatThrownBy(() -> a.add(b)).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("add").hasMessageContaining("[2, 3]").hasMessageContaining("[4, 3]");
        assertThatThrownBy(() -> a.matmul(b)).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("matmul").hasMessageContaining("[2, 3]").hasMessageContaining("[4, 3]");
    }

    @Test
    void dtypeMismatchNamesTheOpAndBothTypes() {
        Tensor a = Tensors.zeros(DType.FLOAT32, 2);
        Tensor b = Tensors.zeros(DType.FLOAT64, 2);
        assertThatThrownBy(() -> a.mul(b)).isInstanceOf(DTypeMismatchException.class)
                .hasMessageContaining("mul").hasMessageContaining("FLOAT32").hasMessageContaining("FLOAT64");
    }

    @Test
    void integerTensorsTakeIntegerScalarsAndRefuseFractionalOnes() {
        Tensor counts = Tensors.of(new long[] {1, 2, 3}, 3);
        assertThat(counts.add(1.0).toLongArray()).containsExactly(2, 3, 4);
        assertThat(counts.mul(2.0).dtype()).isEqualTo(DType.INT64);
        assertThatThrownBy(() -> counts.add(0.5)).isInstanceOf(DTypeMismatchException.class)
                .hasMessageContaining("add").hasMessageContaining("INT64").hasMessageContaining("to(DType.FLOAT32)");
        assertThatThrownBy(() -> counts.div(2.0)).isInstanceOf(DTypeMismatchException.class).hasMessageContaining("div");
    }

    @Test
    void anomalyModeNamesTheFirstOpThatMadeNaN() {
        Tensor x = leaf(-1, 4);
        try (GradMode.Scope ignored = AnomalyMode.enabled()) {
            assertThatThrownBy(() -> x.exp().sub(5.0).log().sqrt()).isInstanceOf(NumericalAnomalyException.class)
                    .hasMessageStartingWith("log produced NaN");
        }
        assertThat(x.log().toDoubleArray()[0]).isNaN();   // off again: no check
    }

    @Test
    void anomalyModeCatchesNonFiniteGradients() {
        Tensor x = leaf(0, 1);
        try (GradMode.Scope ignored = AnomalyMode.enabled()) {
            Tensor y = x.sqrt().sum();   // d sqrt(x)/dx at 0 is infinite
            assertThatThrownBy(y::backward).isInstanceOf(NumericalAnomalyException.class)
                    .hasMessageContaining("backward of sqrt");
        }
    }

    @Test
    void float32IsTheDefaultAndFloat64IsKept() {
        assertThat(Tensors.zeros(2).dtype()).isEqualTo(DType.FLOAT32);
        Tensor d = Tensors.of(new double[] {1, 2}, DType.FLOAT64, 2);
        assertThat(d.dtype()).isEqualTo(DType.FLOAT64);
        assertThat(d.exp().matmul(d).dtype()).isEqualTo(DType.FLOAT64);
        assertThat(d.to(DType.FLOAT32).dtype()).isEqualTo(DType.FLOAT32);
    }
}
