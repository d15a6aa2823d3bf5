package org.equivariant4j.graph.conditioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.testkit.gradient.GradientCheck;
import org.equivariant4j.testkit.gradient.ParameterGradientCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ModeConditionedLinearTest {
    private static final int IN = 4;
    private static final int OUT = 3;
    private static final int A = 2;
    private static final int ROWS = 5;

    private static ModeConditionedLinear piece(ConditioningMode mode) {
        ModeConditionedLinear l = new ModeConditionedLinear(mode, IN, OUT, A, true, null, new Rng(1));
        l.to(DType.FLOAT64);
        return l;
    }

    private static double[] param(ModeConditionedLinear l, String name) {
        return l.namedParameters().get(name).value().toDoubleArray();
    }

    /** The three forms written out entry by entry, from the piece's own parameters. */
    private static double expected(ModeConditionedLinear l, double[] x, double[] a, int row, int k) {
        double[] w = param(l, "linear.weight");
        double[] b = param(l, "linear.bias");
        double sum = b[k];
        switch (l.mode()) {
            case WEAK -> {
                for (int i = 0; i < IN; i++) {
                    sum += w[k * (IN + A) + i] * x[row * IN + i];
                }
                for (int j = 0; j < A; j++) {
                    sum += w[k * (IN + A) + IN + j] * a[row * A + j];
                }
            }
            case STRONG -> {
                for (int i = 0; i < IN; i++) {
                    sum += w[k * IN + i] * x[row * IN + i];
                }
                double[] u = param(l, "gate.weight");
                double gate = param(l, "gate.bias")[k];
                for (int j = 0; j < A; j++) {
                    gate += u[k * A + j] * a[row * A + j];
                }
                sum *= gate;
            }
            case PURE -> {
                for (int i = 0; i < IN; i++) {
                    for (int j = 0; j < A; j++) {
                        sum += x[row * IN + i] * w[k * IN * A + i * A + j] * a[row * A + j];
                    }
                }
            }
            default -> throw new IllegalStateException();
        }
        return sum;
    }

    @ParameterizedTest
    @EnumSource(ConditioningMode.class)
    void computesItsFormEntryByEntry(ConditioningMode mode) {
        ModeConditionedLinear l = piece(mode);
        Rng rng = new Rng(2);
        Tensor x = Tensors.randn(rng, DType.FLOAT64, ROWS, IN);
        Tensor a = Tensors.randn(rng, DType.FLOAT64, ROWS, A);
        double[] y = l.forward(x, a).toDoubleArray();
        double[] xs = x.toDoubleArray();
        double[] as = a.toDoubleArray();
        for (int row = 0; row < ROWS; row++) {
            for (int k = 0; k < OUT; k++) {
                assertThat(y[row * OUT + k]).isCloseTo(expected(l, xs, as, row, k), within(1e-12));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ConditioningMode.class)
    void gradientsMatchFiniteDifferences(ConditioningMode mode) {
        ModeConditionedLinear l = piece(mode);
        Rng rng = new Rng(3);
        Tensor x = Tensors.randn(rng, DType.FLOAT64, ROWS, IN);
        Tensor a = Tensors.randn(rng, DType.FLOAT64, ROWS, A);
        GradientCheck.of("ModeConditionedLinear " + mode, in -> l.forward(in[0], in[1]).tanh(), x, a).assertCorrect();
        for (String name : l.namedParameters().keySet()) {
            ParameterGradientCheck.of(l, name, () -> l.forward(x, a).tanh()).assertCorrect();
        }
    }

    @Test
    void theModesDependOnTheAttributesDifferently() {
        Rng rng = new Rng(4);
        Tensor x = Tensors.randn(rng, DType.FLOAT64, ROWS, IN);
        Tensor zero = Tensors.zeros(DType.FLOAT64, ROWS, A);
        // with a = 0, pure conditioning leaves only the bias, whatever x is; weak still sees x
        Tensor pure = piece(ConditioningMode.PURE).forward(x, zero);
        assertThat(pure.sub(pure.narrow(0, 0, 1)).abs().max().item()).isLessThan(1e-15);
        Tensor weak = piece(ConditioningMode.WEAK).forward(x, zero);
        assertThat(weak.sub(weak.narrow(0, 0, 1)).abs().max().item()).isGreaterThan(1e-3);
    }

    @ParameterizedTest
    @EnumSource(ConditioningMode.class)
    void conditioningOnSomeColumnsConcatenatesTheOthersToTheInput(ConditioningMode mode) {
        ModeConditionedLinear partial = new ModeConditionedLinear(mode, IN, OUT, A, new int[] {1}, true, null, new Rng(6));
        partial.to(DType.FLOAT64);
        assertThat(partial.conditionedColumns()).containsExactly(1);
        // the same map as a piece of IN + 1 inputs conditioned on one column, fed [x, a_0] and a_1
        ModeConditionedLinear full = new ModeConditionedLinear(mode, IN + 1, OUT, 1, true, null, new Rng(6));
        full.to(DType.FLOAT64);
        full.loadStateDict(partial.stateDict());
        Rng rng = new Rng(7);
        Tensor x = Tensors.randn(rng, DType.FLOAT64, ROWS, IN);
        Tensor a = Tensors.randn(rng, DType.FLOAT64, ROWS, A);
        Tensor expected = full.forward(Tensors.concat(1, x, a.narrow(1, 0, 1)), a.narrow(1, 1, 1));
        assertThat(partial.forward(x, a).sub(expected).abs().max().item()).isLessThan(1e-12);
        GradientCheck.of("ModeConditionedLinear " + mode + " on column 1", in -> partial.forward(in[0], in[1]).tanh(), x, a)
                .assertCorrect();
        assertThatThrownBy(() -> new ModeConditionedLinear(mode, IN, OUT, A, new int[] {2}, true, null, new Rng(1)))
                .hasMessageContaining("distinct columns of the 2 attributes");
    }

    @Test
    void badShapesAreRefusedNamingThePiece() {
        ModeConditionedLinear l = piece(ConditioningMode.STRONG);
        Rng rng = new Rng(5);
        Tensor x = Tensors.randn(rng, DType.FLOAT64, ROWS, IN);
        assertThatThrownBy(() -> l.forward(x, null)).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("ModeConditionedLinear(strong").hasMessageContaining("[5, 2]").hasMessageContaining("null");
        assertThatThrownBy(() -> l.forward(x, Tensors.randn(rng, DType.FLOAT64, ROWS, 3)))
                .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("[5, 3]");
        assertThatThrownBy(() -> l.forward(Tensors.randn(rng, DType.FLOAT64, ROWS, 2), Tensors.randn(rng, DType.FLOAT64,
                ROWS, A))).isInstanceOf(ShapeMismatchException.class).hasMessageContaining("[rows, 4]");
        assertThatThrownBy(() -> new ModeConditionedLinear(ConditioningMode.PURE, 4, 3, 0, true, null, new Rng(1)))
                .hasMessageContaining("at least one attribute");
    }
}
