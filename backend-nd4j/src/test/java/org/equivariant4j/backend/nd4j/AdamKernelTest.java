package org.equivariant4j.backend.nd4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.core.tensor.UpdateKernels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The engine's one-pass Adam update ({@link AdamKernel}) gives the values of the three-step form it fuses
 * ({@link UpdateKernels#portable()}'s default {@code adam}: scaleAdd, scaleAddProduct, addRootQuotient from tensor
 * ops), over several steps, in both float dtypes, on the fused path, on ND4J's path and with strided or aliased
 * operands (which take the three steps).
 *
 * <p>Tolerance, relative to {@code 1 + |value|}: float64 1e-12 (both forms round a handful of times at 2^-53);
 * float32 1e-6: the fused pass rounds each of its ~8 operations to float32 (2^-24 ≈ 6e-8 each) where ND4J's ops round
 * at other points, so the forms may differ by a few float32 ulps of the moments and of the step (measured on this
 * machine: no difference at all, both forms round the same operations in the same order; the bound leaves room for
 * natives that fuse multiply-adds). The negative
 * control shows the bound is not loose: the same comparison fails when the fused update is given beta2 off by 1e-4.
 */
@ExtendWith(KernelsSwitchRestored.class)
class AdamKernelTest {
    private static final int ROWS = 41;
    private static final int COLS = 23;
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double SCALE = -0.01;
    private static final double EPS = 1e-8;
    private static final int STEPS = 4;

    /** Parameter, first moment, second moment and a fixed sequence of gradients. */
    private record State(Tensor value, Tensor first, Tensor second, Tensor[] grads) {
        static State random(long seed, DType dtype) {
            Rng rng = new Rng(seed);
            Tensor[] grads = new Tensor[STEPS];
            for (int i = 0; i < STEPS; i++) {
                grads[i] = Tensors.randn(rng, dtype, ROWS, COLS);
            }
            return new State(Tensors.randn(rng, dtype, ROWS, COLS), Tensors.zeros(dtype, ROWS, COLS),
                    Tensors.zeros(dtype, ROWS, COLS), grads);
        }

        void run(UpdateKernels kernels, double beta2) {
            for (Tensor g : grads) {
                kernels.adam(value, first, second, g, BETA1, beta2, SCALE, EPS);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"auto", "nd4j"})
    void agreesWithTheThreeStepFormInBothDtypes(String kernels) {
        System.setProperty(KernelSelection.PROPERTY, kernels);
        for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            State fused = State.random(5, dtype);
            State reference = State.random(5, dtype);
            fused.run(Tensors.backend().updateKernels(), BETA2);
            reference.run(UpdateKernels.portable(), BETA2);
            double tol = tolerance(dtype);
            assertThat(relativeError(fused.value(), reference.value())).as("%s %s value", kernels, dtype).isLessThanOrEqualTo(tol);
            assertThat(relativeError(fused.first(), reference.first())).as("%s %s first", kernels, dtype).isLessThanOrEqualTo(tol);
            assertThat(relativeError(fused.second(), reference.second())).as("%s %s second", kernels, dtype)
                    .isLessThanOrEqualTo(tol);
            assertThat(relativeError(fused.value(), State.random(5, dtype).value())).as("the update moved the value")
                    .isGreaterThan(1e-3);
        }
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64"})
    void theToleranceCatchesASlightlyWrongUpdate(DType dtype) {
        State wrong = State.random(7, dtype);
        State reference = State.random(7, dtype);
        wrong.run(Tensors.backend().updateKernels(), BETA2 - 1e-4);
        reference.run(UpdateKernels.portable(), BETA2);
        assertThat(relativeError(wrong.value(), reference.value())).isGreaterThan(tolerance(dtype));
    }

    @Test
    void stridedAndAliasedOperandsGiveTheSameValues() {
        Rng rng = new Rng(9);
        Tensor gT = Tensors.randn(rng, DType.FLOAT64, COLS, ROWS);
        Tensor strided = gT.transpose(0, 1);
        Tensor dense = Tensors.of(strided.toDoubleArray(), DType.FLOAT64, ROWS, COLS);
        State a = State.random(3, DType.FLOAT64);
        State b = State.random(3, DType.FLOAT64);
        Tensors.backend().updateKernels().adam(a.value(), a.first(), a.second(), strided, BETA1, BETA2, SCALE, EPS);
        UpdateKernels.portable().adam(b.value(), b.first(), b.second(), dense, BETA1, BETA2, SCALE, EPS);
        assertThat(relativeError(a.value(), b.value())).isLessThanOrEqualTo(1e-12);

        // The gradient is the first moment itself: the three steps read the moment after updating it.
        State c = State.random(4, DType.FLOAT64);
        State d = State.random(4, DType.FLOAT64);
        c.first().assign(c.grads()[0]);
        d.first().assign(d.grads()[0]);
        Tensors.backend().updateKernels().adam(c.value(), c.first(), c.second(), c.first(), BETA1, BETA2, SCALE, EPS);
        UpdateKernels.portable().adam(d.value(), d.first(), d.second(), d.first(), BETA1, BETA2, SCALE, EPS);
        assertThat(relativeError(c.value(), d.value())).isLessThanOrEqualTo(1e-12);
        assertThat(relativeError(c.second(), d.second())).isLessThanOrEqualTo(1e-12);
    }

    @Test
    void refusesOperandsOfAnotherShape() {
        Tensor t = Tensors.zeros(DType.FLOAT32, 2, 3);
        assertThatThrownBy(() -> Tensors.backend().updateKernels().adam(t, t.mul(0), t.mul(0), Tensors.zeros(DType.FLOAT32, 3, 2),
                BETA1, BETA2, SCALE, EPS)).isInstanceOf(ShapeMismatchException.class).hasMessageContaining("adam")
                .hasMessageContaining("gradient").hasMessageContaining("[3, 2]");
    }

    private static double tolerance(DType dtype) {
        return dtype == DType.FLOAT32 ? 1e-6 : 1e-12;
    }

    private static double relativeError(Tensor actual, Tensor expected) {
        double[] a = actual.toDoubleArray();
        double[] e = expected.toDoubleArray();
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs(a[i] - e[i]) / (1 + Math.abs(e[i])));
        }
        return worst;
    }
}
