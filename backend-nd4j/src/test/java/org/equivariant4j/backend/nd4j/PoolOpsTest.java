package org.equivariant4j.backend.nd4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;

import org.equivariant4j.core.error.DTypeMismatchException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.PoolSpec;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Max, average and adaptive pooling against nested-loop references written from PyTorch's
 * definitions ({@code ceil_mode=False}, {@code count_include_pad=False}, adaptive windows
 * {@code [floor(i L / out), ceil((i + 1) L / out))}), in float64 and float32, the float32
 * gradients against float64 ones, and the argument checks.
 */
class PoolOpsTest {
    private static final long SEED = 41;

    record Case(String name, int[] input, PoolSpec spec) {
        @Override
        public String toString() {
            return name;
        }
    }

    record AdaptiveCase(String name, int[] input, int[] output) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> poolCases() {
        return Stream.of(
                new Case("1D kernel 3 stride 2 padding 1", new int[] {2, 3, 11}, pool(new int[] {3}, new int[] {2}, new int[] {1})),
                new Case("2D kernel 2", new int[] {2, 3, 8, 6}, PoolSpec.of(2, 2)),
                new Case("2D kernel 3 stride 1 padding 1", new int[] {1, 2, 7, 5}, PoolSpec.of(2, 3).withStride(1).withPadding(1)),
                new Case("2D anisotropic, odd size", new int[] {2, 2, 7, 9},
                        pool(new int[] {2, 3}, new int[] {2, 2}, new int[] {1, 1})),
                new Case("3D kernel 2", new int[] {1, 3, 4, 6, 4}, PoolSpec.of(3, 2)),
                new Case("3D kernel 3 stride 2 padding 1", new int[] {2, 2, 5, 6, 7}, PoolSpec.of(3, 3).withStride(2).withPadding(1)));
    }

    static Stream<AdaptiveCase> adaptiveCases() {
        return Stream.of(
                new AdaptiveCase("1D 10 -> 4", new int[] {2, 3, 10}, new int[] {4}),
                new AdaptiveCase("1D 3 -> 7 (larger)", new int[] {1, 2, 3}, new int[] {7}),
                new AdaptiveCase("2D 8x6 -> 4x3 (uniform)", new int[] {2, 3, 8, 6}, new int[] {4, 3}),
                new AdaptiveCase("2D 7x9 -> 3x4", new int[] {2, 3, 7, 9}, new int[] {3, 4}),
                new AdaptiveCase("2D 5x5 -> 5x2 (one dimension unchanged)", new int[] {1, 2, 5, 5}, new int[] {5, 2}),
                new AdaptiveCase("2D global", new int[] {2, 4, 5, 3}, new int[] {1, 1}),
                new AdaptiveCase("3D 5x6x7 -> 2x4x3", new int[] {1, 2, 5, 6, 7}, new int[] {2, 4, 3}),
                new AdaptiveCase("3D global", new int[] {2, 2, 3, 4, 5}, new int[] {1, 1, 1}));
    }

    static Stream<Arguments> poolKinds() {
        return poolCases().flatMap(c -> Stream.of(Arguments.of(c, "max"), Arguments.of(c, "avg")));
    }

    static Stream<Arguments> adaptiveKinds() {
        return adaptiveCases().flatMap(c -> Stream.of(Arguments.of(c, "max"), Arguments.of(c, "avg")));
    }

    static Stream<Arguments> poolRuns() {
        return poolKinds().flatMap(a -> Stream.of(DType.FLOAT64, DType.FLOAT32).map(t -> Arguments.of(a.get()[0], a.get()[1], t)));
    }

    static Stream<Arguments> adaptiveRuns() {
        return adaptiveKinds().flatMap(a -> Stream.of(DType.FLOAT64, DType.FLOAT32)
                .map(t -> Arguments.of(a.get()[0], a.get()[1], t)));
    }

    @ParameterizedTest(name = "{1}Pool {0} {2}")
    @MethodSource("poolRuns")
    void poolMatchesTheReference(Case c, String kind, DType dtype) {
        Tensor x = input(c.input(), dtype);
        boolean max = kind.equals("max");
        Tensor out = max ? x.maxPool(c.spec()) : x.avgPool(c.spec());
        int d = c.spec().spatialDims();
        int[] k = lift(c.spec().kernel(), 1);
        int[] s = lift(c.spec().stride(), 1);
        int[] p = lift(c.spec().padding(), 0);
        int[] xs = liftShape(c.input());
        int[] os = xs.clone();
        for (int i = 0; i < 3; i++) {
            os[i + 2] = (xs[i + 2] + 2 * p[i] - k[i]) / s[i] + 1;
        }
        double[] expected = reference(x.toDoubleArray(), xs, os, max, (i, o) -> o * s[i] - p[i], (i, o) -> o * s[i] - p[i] + k[i]);
        assertClose(out, expected, unliftShape(os, d), dtype, c + " " + kind);
    }

    @ParameterizedTest(name = "adaptive{1}Pool {0} {2}")
    @MethodSource("adaptiveRuns")
    void adaptivePoolMatchesTheReference(AdaptiveCase c, String kind, DType dtype) {
        Tensor x = input(c.input(), dtype);
        boolean max = kind.equals("max");
        Tensor out = max ? x.adaptiveMaxPool(c.output()) : x.adaptiveAvgPool(c.output());
        int d = c.output().length;
        int[] xs = liftShape(c.input());
        int[] os = xs.clone();
        int[] o = lift(c.output(), 1);
        System.arraycopy(o, 0, os, 2, 3);
        double[] expected = reference(x.toDoubleArray(), xs, os, max, (i, j) -> Math.floorDiv(j * xs[i + 2], os[i + 2]),
                (i, j) -> -Math.floorDiv(-(j + 1) * xs[i + 2], os[i + 2]));
        assertClose(out, expected, unliftShape(os, d), dtype, c + " " + kind);
    }

    @ParameterizedTest(name = "{1}Pool {0}")
    @MethodSource("poolKinds")
    void poolFloat32GradientsMatchFloat64(Case c, String kind) {
        boolean max = kind.equals("max");
        double[] g64 = gradient(c.input(), DType.FLOAT64, t -> max ? t.maxPool(c.spec()) : t.avgPool(c.spec()));
        double[] g32 = gradient(c.input(), DType.FLOAT32, t -> max ? t.maxPool(c.spec()) : t.avgPool(c.spec()));
        assertGradientsClose(g32, g64, c + " " + kind);
    }

    @ParameterizedTest(name = "adaptive{1}Pool {0}")
    @MethodSource("adaptiveKinds")
    void adaptiveFloat32GradientsMatchFloat64(AdaptiveCase c, String kind) {
        boolean max = kind.equals("max");
        double[] g64 = gradient(c.input(), DType.FLOAT64, t -> max ? t.adaptiveMaxPool(c.output()) : t.adaptiveAvgPool(c.output()));
        double[] g32 = gradient(c.input(), DType.FLOAT32, t -> max ? t.adaptiveMaxPool(c.output()) : t.adaptiveAvgPool(c.output()));
        assertGradientsClose(g32, g64, c + " " + kind);
    }

    @Test
    void poolRejectsAWrongRank() {
        Tensor x = Tensors.zeros(2, 3, 8);
        assertThatThrownBy(() -> x.maxPool(PoolSpec.of(2, 2))).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("maxPool").hasMessageContaining("[2, 3, 8]").hasMessageContaining("kernel=[2, 2]");
    }

    @Test
    void poolRejectsAnInputSmallerThanTheWindow() {
        Tensor x = Tensors.zeros(1, 1, 2, 8);
        assertThatThrownBy(() -> x.avgPool(PoolSpec.of(2, 3))).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("avgPool").hasMessageContaining("[1, 1, 2, 8]").hasMessageContaining("kernel=[3, 3]");
    }

    @Test
    void poolRejectsIntegers() {
        Tensor x = Tensors.zeros(DType.INT32, 1, 1, 4, 4);
        assertThatThrownBy(() -> x.maxPool(PoolSpec.of(2, 2))).isInstanceOf(DTypeMismatchException.class)
                .hasMessageContaining("maxPool").hasMessageContaining("INT32");
    }

    @Test
    void adaptivePoolRejectsAWrongRank() {
        Tensor x = Tensors.zeros(1, 2, 4, 4);
        assertThatThrownBy(() -> x.adaptiveAvgPool(2, 2, 2)).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("adaptiveAvgPool").hasMessageContaining("[1, 2, 4, 4]").hasMessageContaining("[2, 2, 2]");
    }

    @Test
    void adaptivePoolRejectsAnEmptyOutput() {
        Tensor x = Tensors.zeros(1, 2, 4, 4);
        assertThatThrownBy(() -> x.adaptiveMaxPool(2, 0)).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("adaptiveMaxPool").hasMessageContaining("[1, 2, 4, 4]").hasMessageContaining("[2, 0]");
    }

    // ---------------------------------------------------------------- helpers

    private static PoolSpec pool(int[] kernel, int[] stride, int[] padding) {
        return new PoolSpec(kernel, stride, padding);
    }

    /** Distinct values in random order: max pooling then has one maximum per window in float32 and float64 alike. */
    private static Tensor input(int[] shape, DType dtype) {
        int n = Tensors.numel(shape);
        int[] perm = new Rng(SEED).permutation(n);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = (perm[i] - n / 2.0) * 0.125;
        }
        return Tensors.of(v, DType.FLOAT64, shape).to(dtype);
    }

    /** Window bound of output index {@code o} in lifted spatial dimension {@code i}. */
    @FunctionalInterface
    interface Bound {
        int at(int i, int o);
    }

    /**
     * Max or mean over the in-range part of each window {@code [start, end)} per dimension, for a
     * 5D input {@code xs} and output {@code os} (lifted shapes).
     */
    private static double[] reference(double[] x, int[] xs, int[] os, boolean max, Bound start, Bound end) {
        double[] out = new double[os[0] * os[1] * os[2] * os[3] * os[4]];
        int n = 0;
        for (int b = 0; b < os[0]; b++) {
            for (int c = 0; c < os[1]; c++) {
                for (int z = 0; z < os[2]; z++) {
                    for (int y = 0; y < os[3]; y++) {
                        for (int w = 0; w < os[4]; w++) {
                            double acc = max ? Double.NEGATIVE_INFINITY : 0;
                            int count = 0;
                            for (int iz = Math.max(0, start.at(0, z)); iz < Math.min(xs[2], end.at(0, z)); iz++) {
                                for (int iy = Math.max(0, start.at(1, y)); iy < Math.min(xs[3], end.at(1, y)); iy++) {
                                    for (int ix = Math.max(0, start.at(2, w)); ix < Math.min(xs[4], end.at(2, w)); ix++) {
                                        double v = x[(((b * xs[1] + c) * xs[2] + iz) * xs[3] + iy) * xs[4] + ix];
                                        acc = max ? Math.max(acc, v) : acc + v;
                                        count++;
                                    }
                                }
                            }
                            out[n++] = max ? acc : acc / count;
                        }
                    }
                }
            }
        }
        return out;
    }

    private static double[] gradient(int[] shape, DType dtype, java.util.function.UnaryOperator<Tensor> f) {
        Tensor x = input(shape, dtype).requiresGrad(true);
        Tensor out = f.apply(x);
        out.mul(Tensors.randn(new Rng(SEED + 1), DType.FLOAT64, out.shape()).to(dtype)).sum().backward();
        return x.grad().toDoubleArray();
    }

    private static void assertClose(Tensor out, double[] expected, int[] shape, DType dtype, String what) {
        assertThat(out.dtype()).isEqualTo(dtype);
        assertThat(out.shape()).as("shape of %s", what).containsExactly(shape);
        double tol = dtype == DType.FLOAT64 ? 1e-12 : 1e-5;
        double[] actual = out.toDoubleArray();
        for (int i = 0; i < actual.length; i++) {
            assertThat(Math.abs(actual[i] - expected[i])).as("%s %s entry %d (seed %d): expected %s but was %s", what, dtype, i,
                    SEED, expected[i], actual[i]).isLessThanOrEqualTo(tol * (1 + Math.abs(expected[i])));
        }
    }

    private static void assertGradientsClose(double[] g32, double[] g64, String what) {
        for (int i = 0; i < g64.length; i++) {
            assertThat(Math.abs(g32[i] - g64[i])).as("%s: gradient entry %d (seed %d): float64 %s, float32 %s", what, i, SEED,
                    g64[i], g32[i]).isLessThanOrEqualTo(1e-4 * (1 + Math.abs(g64[i])));
        }
    }

    /** Per-dimension values lifted to 3 dimensions with leading {@code fill}. */
    private static int[] lift(int[] perDim, int fill) {
        int[] out = {fill, fill, fill};
        System.arraycopy(perDim, 0, out, 3 - perDim.length, perDim.length);
        return out;
    }

    private static int[] liftShape(int[] shape) {
        int[] out = {shape[0], shape[1], 1, 1, 1};
        System.arraycopy(shape, 2, out, 5 - (shape.length - 2), shape.length - 2);
        return out;
    }

    private static int[] unliftShape(int[] shape, int d) {
        int[] out = new int[d + 2];
        out[0] = shape[0];
        out[1] = shape[1];
        System.arraycopy(shape, 5 - d, out, 2, d);
        return out;
    }
}
