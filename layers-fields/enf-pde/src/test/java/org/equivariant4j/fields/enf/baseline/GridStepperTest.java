package org.equivariant4j.fields.enf.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensors;
import org.junit.jupiter.api.Test;

/** The stepper's padding: circular on the torus makes it commute with periodic shifts; zero padding does not. */
class GridStepperTest {
    private static final int N = 8;

    private static float[] randomFrame(long seed) {
        Rng rng = new Rng(seed);
        float[] f = new float[N * N];
        for (int p = 0; p < f.length; p++) {
            f[p] = (float) rng.nextGaussian();
        }
        return f;
    }

    private static float[] shift(float[] f, int dx, int dy) {
        float[] out = new float[f.length];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                out[Math.floorMod(i + dx, N) * N + Math.floorMod(j + dy, N)] = f[i * N + j];
            }
        }
        return out;
    }

    /** Max |step(shift(f)) - shift(step(f))| for a shift by (3, 5) nodes. */
    private static double shiftError(boolean periodic) {
        GridStepper stepper = new GridStepper(N, N, periodic, 4, 3, 1.0, new Rng(1));
        float[] f = randomFrame(2);
        float[] a = stepper.forward(Tensors.of(shift(f, 3, 5), 1, N * N)).toFloatArray();
        float[] b = shift(stepper.forward(Tensors.of(f, 1, N * N)).toFloatArray(), 3, 5);
        double error = 0;
        for (int p = 0; p < a.length; p++) {
            error = Math.max(error, Math.abs(a[p] - b[p]));
        }
        return error;
    }

    /** Float32 convolution sums in another order: 1e-5 of values of order one. */
    @Test
    void circularPaddingCommutesWithPeriodicShifts() {
        assertThat(shiftError(true)).isLessThan(1e-5);
        assertThat(shiftError(false)).as("zero padding: the border sees zeros, not the opposite edge").isGreaterThan(1e-3);
    }

    @Test
    void rejectsFramesOfAnotherGrid() {
        GridStepper stepper = new GridStepper(N, N, true, 4, 2, 1.0, new Rng(1));
        assertThatThrownBy(() -> stepper.forward(Tensors.zeros(2, 10))).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("[B, 64]");
    }
}
