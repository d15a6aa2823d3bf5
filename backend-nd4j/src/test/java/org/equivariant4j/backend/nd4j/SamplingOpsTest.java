package org.equivariant4j.backend.nd4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;

import org.equivariant4j.core.error.DTypeMismatchException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code gridSample} against a nested-loop transcription of PyTorch's bilinear / trilinear
 * {@code grid_sample} (zeros padding, both {@code align_corners}), identity grids that must
 * reproduce the input, float32 gradients against float64 ones, and the argument checks.
 */
class SamplingOpsTest {
    private static final long SEED = 51;

    record Case(String name, int[] input, int[] gridShape) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("2D", new int[] {2, 3, 5, 6}, new int[] {2, 4, 3, 2}),
                new Case("2D single row output", new int[] {1, 2, 4, 4}, new int[] {1, 1, 7, 2}),
                new Case("3D", new int[] {2, 2, 3, 4, 5}, new int[] {2, 2, 3, 2, 3}),
                new Case("3D single-voxel-thick input", new int[] {1, 2, 1, 4, 3}, new int[] {1, 2, 2, 2, 3}));
    }

    static Stream<Arguments> runs() {
        return cases().flatMap(c -> Stream.of(false, true).flatMap(align -> Stream.of(DType.FLOAT64, DType.FLOAT32)
                .map(t -> Arguments.of(c, align, t))));
    }

    static Stream<Arguments> alignments() {
        return cases().flatMap(c -> Stream.of(Arguments.of(c, false), Arguments.of(c, true)));
    }

    @ParameterizedTest(name = "{0} alignCorners={1} {2}")
    @MethodSource("runs")
    void gridSampleMatchesTheReference(Case c, boolean align, DType dtype) {
        Rng rng = new Rng(SEED);
        Tensor x = Tensors.randn(rng, DType.FLOAT64, c.input()).to(dtype);
        Tensor grid = grid(rng, c.gridShape()).to(dtype);
        Tensor out = x.gridSample(grid, align);
        int d = c.input().length - 2;
        int[] shape = new int[d + 2];
        shape[0] = c.input()[0];
        shape[1] = c.input()[1];
        System.arraycopy(c.gridShape(), 1, shape, 2, d);
        double[] expected = reference(x.toDoubleArray(), c.input(), grid.toDoubleArray(), c.gridShape(), align);
        assertThat(out.dtype()).isEqualTo(dtype);
        assertThat(out.shape()).containsExactly(shape);
        double tol = dtype == DType.FLOAT64 ? 1e-12 : 1e-5;
        double[] actual = out.toDoubleArray();
        for (int i = 0; i < actual.length; i++) {
            assertThat(Math.abs(actual[i] - expected[i])).as("%s alignCorners=%s %s entry %d (seed %d): expected %s but was %s",
                    c, align, dtype, i, SEED, expected[i], actual[i]).isLessThanOrEqualTo(tol * (1 + Math.abs(expected[i])));
        }
    }

    @ParameterizedTest(name = "{0} alignCorners={1}")
    @MethodSource("alignments")
    void anIdentityGridReproducesTheInput(Case c, boolean align) {
        int[] xs = c.input();
        int d = xs.length - 2;
        Tensor x = Tensors.randn(new Rng(SEED), DType.FLOAT64, xs);
        int[] gs = new int[d + 2];
        gs[0] = xs[0];
        System.arraycopy(xs, 2, gs, 1, d);
        gs[d + 1] = d;
        double[] g = new double[Tensors.numel(gs)];
        int points = g.length / d;
        for (int p = 0; p < points; p++) {
            int rest = p;
            // coordinate j indexes spatial dimension d - 1 - j: the last dimension varies fastest
            for (int j = 0; j < d; j++) {
                int len = xs[xs.length - 1 - j];
                int i = rest % len;
                rest /= len;
                g[p * d + j] = len == 1 ? 0 : align ? 2.0 * i / (len - 1) - 1 : (2.0 * i + 1) / len - 1;
            }
        }
        double[] out = x.gridSample(Tensors.of(g, DType.FLOAT64, gs), align).toDoubleArray();
        double[] in = x.toDoubleArray();
        for (int i = 0; i < in.length; i++) {
            assertThat(Math.abs(out[i] - in[i])).as("%s alignCorners=%s entry %d: expected %s but was %s", c, align, i, in[i],
                    out[i]).isLessThanOrEqualTo(1e-12);
        }
    }

    @ParameterizedTest(name = "{0} alignCorners={1}")
    @MethodSource("alignments")
    void float32GradientsMatchFloat64(Case c, boolean align) {
        double[][] g64 = gradients(c, align, DType.FLOAT64);
        double[][] g32 = gradients(c, align, DType.FLOAT32);
        for (int k = 0; k < 2; k++) {
            for (int i = 0; i < g64[k].length; i++) {
                assertThat(Math.abs(g32[k][i] - g64[k][i])).as("%s alignCorners=%s: gradient of input %d entry %d (seed %d): "
                        + "float64 %s, float32 %s", c, align, k, i, SEED, g64[k][i], g32[k][i])
                        .isLessThanOrEqualTo(1e-3 * (1 + Math.abs(g64[k][i])));
            }
        }
    }

    @Test
    void nonFiniteAndFarCoordinatesReadZerosWithZeroGradients() {
        Tensor x = Tensors.randn(new Rng(SEED), DType.FLOAT64, 1, 1, 3, 3).requiresGrad(true);
        double inf = Double.POSITIVE_INFINITY;
        Tensor grid = Tensors.of(new double[] {Double.NaN, 0, 1e30, -1e30, inf, 0.5, 0.2, -inf}, DType.FLOAT64, 1, 2, 2, 2)
                .requiresGrad(true);
        Tensor out = x.gridSample(grid, false);
        assertThat(out.toDoubleArray()).containsOnly(0.0);
        out.sum().backward();
        assertThat(x.grad().toDoubleArray()).containsOnly(0.0);
        assertThat(grid.grad().toDoubleArray()).containsOnly(0.0);
    }

    @Test
    void rejectsAGridWithTheWrongCoordinateCount() {
        Tensor x = Tensors.zeros(1, 2, 4, 4);
        Tensor grid = Tensors.zeros(1, 3, 3, 3);
        assertThatThrownBy(() -> x.gridSample(grid, false)).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("gridSample").hasMessageContaining("[1, 2, 4, 4]").hasMessageContaining("[1, 3, 3, 3]");
    }

    @Test
    void rejectsAGridOfAnotherRank() {
        Tensor x = Tensors.zeros(1, 2, 4, 4, 4);
        Tensor grid = Tensors.zeros(1, 3, 3, 3);
        assertThatThrownBy(() -> x.gridSample(grid, false)).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("gridSample").hasMessageContaining("[1, 2, 4, 4, 4]").hasMessageContaining("[1, 3, 3, 3]");
    }

    @Test
    void rejectsAGridOfAnotherBatchSize() {
        Tensor x = Tensors.zeros(2, 2, 4, 4);
        Tensor grid = Tensors.zeros(1, 3, 3, 2);
        assertThatThrownBy(() -> x.gridSample(grid, true)).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("gridSample").hasMessageContaining("[2, 2, 4, 4]").hasMessageContaining("[1, 3, 3, 2]");
    }

    @Test
    void rejectsAnInputOfRank3() {
        Tensor x = Tensors.zeros(2, 2, 4);
        Tensor grid = Tensors.zeros(2, 3, 1);
        assertThatThrownBy(() -> x.gridSample(grid, true)).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("gridSample").hasMessageContaining("[2, 2, 4]").hasMessageContaining("[2, 3, 1]");
    }

    @Test
    void rejectsMixedDTypes() {
        Tensor x = Tensors.zeros(DType.FLOAT32, 1, 2, 4, 4);
        Tensor grid = Tensors.zeros(DType.FLOAT64, 1, 3, 3, 2);
        assertThatThrownBy(() -> x.gridSample(grid, true)).isInstanceOf(DTypeMismatchException.class)
                .hasMessageContaining("gridSample").hasMessageContaining("FLOAT32").hasMessageContaining("FLOAT64");
    }

    // ---------------------------------------------------------------- helpers

    /** Coordinates uniform in [-1.3, 1.3] (some points partly or wholly outside), plus the exact values -1, 0 and 1. */
    private static Tensor grid(Rng rng, int[] shape) {
        double[] g = new double[Tensors.numel(shape)];
        for (int i = 0; i < g.length; i++) {
            g[i] = i < 3 ? i - 1.0 : rng.nextDouble(-1.3, 1.3);
        }
        return Tensors.of(g, DType.FLOAT64, shape);
    }

    private static double[][] gradients(Case c, boolean align, DType dtype) {
        Rng rng = new Rng(SEED);
        Tensor x = Tensors.randn(rng, DType.FLOAT64, c.input()).to(dtype).requiresGrad(true);
        Tensor grid = grid(rng, c.gridShape()).to(dtype).requiresGrad(true);
        Tensor out = x.gridSample(grid, align);
        out.mul(Tensors.randn(new Rng(SEED + 1), DType.FLOAT64, out.shape()).to(dtype)).sum().backward();
        return new double[][] {x.grad().toDoubleArray(), grid.grad().toDoubleArray()};
    }

    /** PyTorch's grid_sample, bilinear/trilinear with zeros padding, written out per output entry. */
    private static double[] reference(double[] x, int[] xs, double[] grid, int[] gs, boolean align) {
        int d = xs.length - 2;
        int n = xs[0];
        int channels = xs[1];
        int cells = 1;
        for (int i = 2; i < xs.length; i++) {
            cells *= xs[i];
        }
        int points = grid.length / d / n;
        double[] out = new double[n * channels * points];
        for (int b = 0; b < n; b++) {
            for (int p = 0; p < points; p++) {
                // pixel position per spatial dimension (0 = first spatial dimension); grid column j is dimension d - 1 - j
                double[] pix = new double[d];
                for (int j = 0; j < d; j++) {
                    int len = xs[xs.length - 1 - j];
                    double coord = grid[(b * points + p) * d + j];
                    pix[d - 1 - j] = align ? (coord + 1) / 2 * (len - 1) : ((coord + 1) * len - 1) / 2;
                }
                for (int c = 0; c < channels; c++) {
                    double sum = 0;
                    for (int corner = 0; corner < (1 << d); corner++) {
                        double w = 1;
                        int offset = 0;
                        boolean inside = true;
                        for (int a = 0; a < d; a++) {
                            int len = xs[a + 2];
                            int lo = (int) Math.floor(pix[a]);
                            int side = (corner >> a) & 1;
                            int at = lo + side;
                            double frac = pix[a] - lo;
                            w *= side == 1 ? frac : 1 - frac;
                            inside &= at >= 0 && at < len;
                            offset = offset * len + at;
                        }
                        if (inside) {
                            sum += w * x[(b * channels + c) * cells + offset];
                        }
                    }
                    out[(b * channels + c) * points + p] = sum;
                }
            }
        }
        return out;
    }
}
