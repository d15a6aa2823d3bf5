package org.equivariant4j.backend.nd4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;

import org.equivariant4j.core.error.DTypeMismatchException;
import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * {@code rfft}/{@code irfft} against a direct O(N^2) evaluation of the DFT sum over 1 to 3
 * trailing dimensions (powers of two, even and odd non-powers, length 1), the round trip, the
 * ignoring of the imaginary parts of real bins, float32, empty batches and the argument checks.
 * The 1e-10 bound is round-off of O(log N) passes on unit-sized data; a spectrum off by one
 * twiddle step (the negative control) misses it by orders of magnitude.
 */
class FftOpsTest {
    private static final double TOLERANCE = 1e-10;

    static Stream<int[]> shapes() {
        return Stream.of(new int[] {3, 16}, new int[] {2, 7}, new int[] {12}, new int[] {1}, new int[] {2, 2}, new int[] {2, 6, 10},
                new int[] {5, 9}, new int[] {2, 4, 3, 8}, new int[] {3, 5, 6}, new int[] {1, 30});
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void rfftMatchesTheDftSumOverEveryTrailingCount(int[] shape) {
        for (int dims = 1; dims <= Math.min(3, shape.length); dims++) {
            Tensor x = Tensors.randn(new Rng(7), DType.FLOAT64, shape);
            double[] expected = naiveRfft(x.toDoubleArray(), shape, dims, 0);
            double[] actual = x.rfft(dims).toDoubleArray();
            assertThat(maxDiff(expected, actual)).as("rfft over %d dims of %s", dims, java.util.Arrays.toString(shape))
                    .isLessThan(TOLERANCE);
            int[] sizes = java.util.Arrays.copyOfRange(shape, shape.length - dims, shape.length);
            double[] back = x.rfft(dims).irfft(sizes).toDoubleArray();
            assertThat(maxDiff(x.toDoubleArray(), back)).as("round trip").isLessThan(TOLERANCE);
        }
    }

    @Test
    void aSpectrumOffByOneTwiddleStepFailsTheBound() {
        int[] shape = {3, 16};
        Tensor x = Tensors.randn(new Rng(7), DType.FLOAT64, shape);
        assertThat(maxDiff(naiveRfft(x.toDoubleArray(), shape, 1, 1), x.rfft(1).toDoubleArray())).isGreaterThan(1e-3);
    }

    @Test
    void irfftIgnoresTheImaginaryPartsOfRealBins() {
        Tensor z = Tensors.randn(new Rng(3), DType.FLOAT64, 3, 5, 2);
        double[] v = z.toDoubleArray();
        double[] cleaned = v.clone();
        for (int row = 0; row < 3; row++) {
            cleaned[row * 10 + 1] = 0;
            cleaned[row * 10 + 9] = 0;
        }
        double[] a = z.irfft(8).toDoubleArray();
        double[] b = Tensors.of(cleaned, DType.FLOAT64, 3, 5, 2).irfft(8).toDoubleArray();
        assertThat(maxDiff(a, b)).isLessThan(TOLERANCE);
    }

    @Test
    void float32AgreesWithFloat64AndKeepsItsDtype() {
        Tensor x = Tensors.randn(new Rng(5), DType.FLOAT64, 2, 6, 9);
        Tensor y32 = x.to(DType.FLOAT32).rfft(2);
        assertThat(y32.dtype()).isEqualTo(DType.FLOAT32);
        assertThat(maxDiff(x.rfft(2).toDoubleArray(), y32.toDoubleArray())).isLessThan(1e-4);
    }

    @Test
    void emptyBatchKeepsItsShape() {
        assertThat(Tensors.zeros(DType.FLOAT64, 0, 8).rfft(1).shape()).containsExactly(0, 5, 2);
        assertThat(Tensors.zeros(DType.FLOAT64, 0, 5, 2).irfft(8).shape()).containsExactly(0, 8);
    }

    @Test
    void badArgumentsAreRefusedNamingTheOp() {
        Tensor x = Tensors.zeros(DType.FLOAT64, 2, 8);
        assertThatThrownBy(() -> x.rfft(4)).isInstanceOf(InvalidArgumentException.class).hasMessageContaining("rfft");
        assertThatThrownBy(() -> x.rfft(3)).isInstanceOf(ShapeMismatchException.class).hasMessageContaining("rank");
        assertThatThrownBy(() -> Tensors.of(new long[] {1, 2}, 2).rfft(1)).isInstanceOf(DTypeMismatchException.class);
        assertThatThrownBy(() -> Tensors.zeros(DType.FLOAT64, 2, 4, 2).irfft(8)).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("[2, 5, 2]");
        assertThatThrownBy(() -> Tensors.zeros(DType.FLOAT64, 2, 5, 3).irfft(8)).isInstanceOf(ShapeMismatchException.class);
        assertThatThrownBy(() -> Tensors.zeros(DType.FLOAT64, 2, 5, 2).irfft(0)).isInstanceOf(InvalidArgumentException.class);
    }

    /**
     * Direct evaluation of sum_j x_j exp(-2 pi i sum_d j_d (k_d + skew_d) / n_d) for the half
     * spectrum; {@code skew} shifts the last dimension's frequency (for the negative control).
     */
    static double[] naiveRfft(double[] x, int[] shape, int dims, int skew) {
        int lead = shape.length - dims;
        int[] sizes = java.util.Arrays.copyOfRange(shape, lead, shape.length);
        int block = Tensors.numel(sizes);
        int outer = x.length / block;
        int n = sizes[dims - 1];
        int bins = n / 2 + 1;
        int[] half = sizes.clone();
        half[dims - 1] = bins;
        int spectrum = Tensors.numel(half);
        double[] out = new double[2 * outer * spectrum];
        for (int o = 0; o < outer; o++) {
            for (int k = 0; k < spectrum; k++) {
                int[] kk = unravel(k, half);
                double re = 0;
                double im = 0;
                for (int j = 0; j < block; j++) {
                    int[] jj = unravel(j, sizes);
                    double phase = 0;
                    for (int d = 0; d < dims; d++) {
                        phase += (double) jj[d] * (kk[d] + (d == dims - 1 ? skew : 0)) / sizes[d];
                    }
                    re += x[o * block + j] * Math.cos(2 * Math.PI * phase);
                    im -= x[o * block + j] * Math.sin(2 * Math.PI * phase);
                }
                out[2 * (o * spectrum + k)] = re;
                out[2 * (o * spectrum + k) + 1] = im;
            }
        }
        return out;
    }

    private static int[] unravel(int index, int[] shape) {
        int[] r = new int[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            r[d] = index % shape[d];
            index /= shape[d];
        }
        return r;
    }

    static double maxDiff(double[] a, double[] b) {
        assertThat(b).hasSameSizeAs(a);
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }
}
