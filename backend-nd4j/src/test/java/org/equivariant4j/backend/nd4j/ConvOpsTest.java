package org.equivariant4j.backend.nd4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.Stream;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.DTypeMismatchException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.tensor.ConvSpec;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code conv} and {@code convTranspose} against nested-loop references written from PyTorch's
 * definitions, in float64 and float32, the float32 gradients against float64 ones, and the
 * argument checks. By default this runs the CPU kernels ({@code GemmConvolution});
 * {@link ConvOpsOnNativePathTest} runs it all again on libnd4j's native ops (float32 on oneDNN's
 * kernels, float64 on libnd4j's own).
 */
class ConvOpsTest {
    private static final long SEED = 31;

    /** One geometry: input and weight shapes, whether there is a bias, and the spec. */
    record Case(String name, int[] input, int[] weight, boolean bias, ConvSpec spec) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> convCases() {
        return Stream.of(
                new Case("1D stride 2 padding 1 bias", new int[] {2, 3, 9}, new int[] {4, 3, 3}, true,
                        ConvSpec.of(1).withStride(2).withPadding(1)),
                new Case("1D dilation 2 groups 3", new int[] {2, 3, 10}, new int[] {6, 1, 3}, false,
                        ConvSpec.of(1).withDilation(2).withGroups(3)),
                new Case("2D padding 1 bias", new int[] {2, 3, 7, 6}, new int[] {5, 3, 3, 3}, true, ConvSpec.of(2).withPadding(1)),
                new Case("2D anisotropic stride/padding/dilation, groups 2, bias", new int[] {2, 4, 9, 8}, new int[] {6, 2, 3, 2},
                        true, new ConvSpec(new int[] {2, 1}, new int[] {1, 0}, new int[] {2, 1}, 2, new int[] {0, 0})),
                new Case("2D 1x1 kernel", new int[] {1, 4, 5, 5}, new int[] {3, 4, 1, 1}, false, ConvSpec.of(2)),
                new Case("3D stride 2 padding 1 bias", new int[] {2, 2, 5, 6, 4}, new int[] {3, 2, 3, 3, 2}, true,
                        ConvSpec.of(3).withStride(2).withPadding(1)),
                new Case("3D dilation 2 groups 2", new int[] {1, 4, 5, 5, 5}, new int[] {4, 2, 2, 2, 2}, false,
                        ConvSpec.of(3).withDilation(2).withGroups(2)));
    }

    static Stream<Case> transposeCases() {
        return Stream.of(
                new Case("1D stride 2 padding 1 output padding 1 bias", new int[] {2, 3, 5}, new int[] {3, 2, 3}, true,
                        ConvSpec.of(1).withStride(2).withPadding(1).withOutputPadding(1)),
                new Case("2D stride 2 padding 1 groups 2 bias", new int[] {2, 4, 4, 5}, new int[] {4, 3, 3, 3}, true,
                        ConvSpec.of(2).withStride(2).withPadding(1).withGroups(2)),
                new Case("2D stride 3 output padding 2 above padding 0", new int[] {1, 2, 3, 4}, new int[] {2, 3, 2, 2}, false,
                        ConvSpec.of(2).withStride(3).withOutputPadding(2)),
                new Case("2D stride 2 dilation 2 padding 1 output padding 1 bias", new int[] {2, 3, 4, 4},
                        new int[] {3, 2, 3, 3}, true, ConvSpec.of(2).withStride(2).withDilation(2).withPadding(1).withOutputPadding(1)),
                new Case("3D stride 2 padding 1 output padding 1 bias", new int[] {1, 2, 3, 3, 3}, new int[] {2, 3, 3, 3, 3}, true,
                        ConvSpec.of(3).withStride(2).withPadding(1).withOutputPadding(1)),
                new Case("3D groups 2", new int[] {2, 4, 3, 4, 2}, new int[] {4, 1, 2, 2, 2}, false, ConvSpec.of(3).withGroups(2)));
    }

    static Stream<Arguments> convCasesInBothDTypes() {
        return convCases().flatMap(c -> Stream.of(Arguments.of(c, DType.FLOAT64), Arguments.of(c, DType.FLOAT32)));
    }

    static Stream<Arguments> transposeCasesInBothDTypes() {
        return transposeCases().flatMap(c -> Stream.of(Arguments.of(c, DType.FLOAT64), Arguments.of(c, DType.FLOAT32)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("convCasesInBothDTypes")
    void convMatchesTheReference(Case c, DType dtype) {
        Tensor[] in = inputs(c, dtype, c.weight()[0]);
        Tensor out = in[0].conv(in[1], in[2], c.spec());
        Ref expected = Reference.conv(ref(in[0]), ref(in[1]), in[2] == null ? null : in[2].toDoubleArray(), c.spec());
        assertClose(out, expected, dtype, c);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("transposeCasesInBothDTypes")
    void convTransposeMatchesTheReference(Case c, DType dtype) {
        Tensor[] in = inputs(c, dtype, c.weight()[1] * c.spec().groups());
        Tensor out = in[0].convTranspose(in[1], in[2], c.spec());
        Ref expected = Reference.convTranspose(ref(in[0]), ref(in[1]), in[2] == null ? null : in[2].toDoubleArray(), c.spec());
        assertClose(out, expected, dtype, c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("convCases")
    void convFloat32GradientsMatchFloat64(Case c) {
        assertFloat32GradientsMatch(c, false);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transposeCases")
    void convTransposeFloat32GradientsMatchFloat64(Case c) {
        assertFloat32GradientsMatch(c, true);
    }

    @Test
    void convRejectsAWrongRank() {
        Tensor x = Tensors.zeros(2, 3, 5);
        Tensor w = Tensors.zeros(4, 3, 3, 3);
        assertThatThrownBy(() -> x.conv(w, null, ConvSpec.of(2))).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("conv").hasMessageContaining("[2, 3, 5]").hasMessageContaining("[4, 3, 3, 3]");
    }

    @Test
    void convRejectsAChannelMismatch() {
        Tensor x = Tensors.zeros(1, 3, 5, 5);
        Tensor w = Tensors.zeros(4, 2, 3, 3);
        assertThatThrownBy(() -> x.conv(w, null, ConvSpec.of(2))).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("conv").hasMessageContaining("[1, 3, 5, 5]").hasMessageContaining("[4, 2, 3, 3]");
    }

    @Test
    void convRejectsGroupsThatDoNotDivideTheChannels() {
        Tensor x = Tensors.zeros(1, 3, 5, 5);
        Tensor w = Tensors.zeros(4, 1, 3, 3);
        assertThatThrownBy(() -> x.conv(w, null, ConvSpec.of(2).withGroups(2))).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("conv").hasMessageContaining("groups=2").hasMessageContaining("[1, 3, 5, 5]")
                .hasMessageContaining("[4, 1, 3, 3]");
    }

    @Test
    void convRejectsGroupsThatDoNotDivideTheOutputChannels() {
        Tensor x = Tensors.zeros(1, 4, 5, 5);
        Tensor w = Tensors.zeros(3, 2, 3, 3);
        assertThatThrownBy(() -> x.conv(w, null, ConvSpec.of(2).withGroups(2))).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("conv").hasMessageContaining("3 output channels").hasMessageContaining("[3, 2, 3, 3]");
    }

    @Test
    void convRejectsAWrongBias() {
        Tensor x = Tensors.zeros(1, 3, 5, 5);
        Tensor w = Tensors.zeros(4, 3, 3, 3);
        assertThatThrownBy(() -> x.conv(w, Tensors.zeros(3), ConvSpec.of(2))).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("conv").hasMessageContaining("bias must be [4]").hasMessageContaining("[3]");
    }

    @Test
    void convRejectsAnInputSmallerThanTheKernel() {
        Tensor x = Tensors.zeros(1, 3, 2, 5);
        Tensor w = Tensors.zeros(4, 3, 3, 3);
        assertThatThrownBy(() -> x.conv(w, null, ConvSpec.of(2))).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("conv").hasMessageContaining("[1, 3, 2, 5]").hasMessageContaining("[4, 3, 3, 3]");
    }

    @Test
    void convRejectsMixedDTypes() {
        Tensor x = Tensors.zeros(DType.FLOAT64, 1, 3, 5, 5);
        Tensor w = Tensors.zeros(DType.FLOAT32, 4, 3, 3, 3);
        assertThatThrownBy(() -> x.conv(w, null, ConvSpec.of(2))).isInstanceOf(DTypeMismatchException.class)
                .hasMessageContaining("conv").hasMessageContaining("FLOAT64").hasMessageContaining("FLOAT32");
    }

    @Test
    void convTransposeRejectsAChannelMismatch() {
        Tensor x = Tensors.zeros(1, 3, 5, 5);
        Tensor w = Tensors.zeros(4, 2, 3, 3);
        assertThatThrownBy(() -> x.convTranspose(w, null, ConvSpec.of(2))).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("convTranspose").hasMessageContaining("[1, 3, 5, 5]").hasMessageContaining("[4, 2, 3, 3]");
    }

    @Test
    void convTransposeRejectsGroupsThatDoNotDivideTheChannels() {
        Tensor x = Tensors.zeros(1, 3, 5, 5);
        Tensor w = Tensors.zeros(3, 2, 3, 3);
        assertThatThrownBy(() -> x.convTranspose(w, null, ConvSpec.of(2).withGroups(2)))
                .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("convTranspose").hasMessageContaining("groups=2")
                .hasMessageContaining("[1, 3, 5, 5]").hasMessageContaining("[3, 2, 3, 3]");
    }

    @Test
    void convTransposeRejectsAWrongRank() {
        Tensor x = Tensors.zeros(1, 3, 5, 5, 5);
        Tensor w = Tensors.zeros(3, 2, 3, 3);
        assertThatThrownBy(() -> x.convTranspose(w, null, ConvSpec.of(2))).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("convTranspose").hasMessageContaining("[1, 3, 5, 5, 5]").hasMessageContaining("[3, 2, 3, 3]");
    }

    @Test
    void convTransposeRejectsOutputPaddingNotBelowStrideOrDilation() {
        Tensor x = Tensors.zeros(1, 3, 5, 5);
        Tensor w = Tensors.zeros(3, 2, 3, 3);
        assertThatThrownBy(() -> x.convTranspose(w, null, ConvSpec.of(2).withStride(2).withOutputPadding(2)))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("convTranspose")
                .hasMessageContaining("output padding");
    }

    // ---------------------------------------------------------------- helpers

    /** Input, weight and (when the case has one) bias with {@code outChannels} entries, seeded. */
    private static Tensor[] inputs(Case c, DType dtype, int outChannels) {
        Rng rng = new Rng(SEED);
        Tensor x = Tensors.randn(rng, DType.FLOAT64, c.input()).to(dtype);
        Tensor w = Tensors.randn(rng, DType.FLOAT64, c.weight()).to(dtype);
        Tensor b = c.bias() ? Tensors.randn(rng, DType.FLOAT64, outChannels).to(dtype) : null;
        return new Tensor[] {x, w, b};
    }

    private static Ref ref(Tensor t) {
        return new Ref(t.toDoubleArray(), t.shape());
    }

    private static void assertClose(Tensor out, Ref expected, DType dtype, Case c) {
        assertThat(out.dtype()).isEqualTo(dtype);
        assertThat(out.shape()).as("shape of %s", c).containsExactly(expected.shape());
        double tol = dtype == DType.FLOAT64 ? 1e-10 : 1e-4;
        double[] actual = out.toDoubleArray();
        for (int i = 0; i < actual.length; i++) {
            double e = expected.data()[i];
            assertThat(Math.abs(actual[i] - e)).as("%s %s entry %d (seed %d): expected %s but was %s", c, dtype, i, SEED, e,
                    actual[i]).isLessThanOrEqualTo(tol * (1 + Math.abs(e)));
        }
    }

    private static void assertFloat32GradientsMatch(Case c, boolean transposed) {
        int outChannels = transposed ? c.weight()[1] * c.spec().groups() : c.weight()[0];
        double[][] g64 = gradients(c, transposed, DType.FLOAT64, outChannels);
        double[][] g32 = gradients(c, transposed, DType.FLOAT32, outChannels);
        for (int k = 0; k < g64.length; k++) {
            for (int i = 0; i < g64[k].length; i++) {
                assertThat(Math.abs(g32[k][i] - g64[k][i])).as("%s: gradient of input %d entry %d (seed %d): float64 %s, float32 %s",
                        c, k, i, SEED, g64[k][i], g32[k][i]).isLessThanOrEqualTo(1e-3 * (1 + Math.abs(g64[k][i])));
            }
        }
    }

    /** Gradients of {@code sum(op(x, w, b) * r)} for a seeded cotangent r. */
    private static double[][] gradients(Case c, boolean transposed, DType dtype, int outChannels) {
        Tensor[] in = inputs(c, dtype, outChannels);
        for (Tensor t : in) {
            if (t != null) {
                t.requiresGrad(true);
            }
        }
        Tensor out = transposed ? in[0].convTranspose(in[1], in[2], c.spec()) : in[0].conv(in[1], in[2], c.spec());
        Tensor r = Tensors.randn(new Rng(SEED + 1), DType.FLOAT64, out.shape()).to(dtype);
        out.mul(r).sum().backward();
        return Arrays.stream(in).filter(t -> t != null).map(t -> t.grad().toDoubleArray()).toArray(double[][]::new);
    }

    /** A dense row-major array for the reference implementations. */
    record Ref(double[] data, int[] shape) {
    }

    /**
     * Direct transcriptions of PyTorch's definitions with nested loops. Inputs of 1 or 2 spatial
     * dimensions are lifted to 3 with leading unit dimensions (kernel 1, stride 1, no padding).
     */
    static final class Reference {

        private Reference() {
        }

        static Ref conv(Ref x, Ref w, double[] b, ConvSpec spec) {
            int d = spec.spatialDims();
            int[] xs = lift(x.shape(), d);
            int[] ws = lift(w.shape(), d);
            int[] s = lift3(spec.stride(), 1);
            int[] p = lift3(spec.padding(), 0);
            int[] dl = lift3(spec.dilation(), 1);
            int groups = spec.groups();
            int n = xs[0];
            int channels = xs[1];
            int outChannels = ws[0];
            int perGroupIn = ws[1];
            int perGroupOut = outChannels / groups;
            int[] o = new int[3];
            for (int i = 0; i < 3; i++) {
                o[i] = (xs[i + 2] + 2 * p[i] - dl[i] * (ws[i + 2] - 1) - 1) / s[i] + 1;
            }
            double[] out = new double[n * outChannels * o[0] * o[1] * o[2]];
            for (int b0 = 0; b0 < n; b0++) {
                for (int oc = 0; oc < outChannels; oc++) {
                    int g = oc / perGroupOut;
                    for (int z = 0; z < o[0]; z++) {
                        for (int y = 0; y < o[1]; y++) {
                            for (int xx = 0; xx < o[2]; xx++) {
                                double sum = b == null ? 0 : b[oc];
                                for (int c = 0; c < perGroupIn; c++) {
                                    int ic = g * perGroupIn + c;
                                    for (int kz = 0; kz < ws[2]; kz++) {
                                        int iz = z * s[0] - p[0] + kz * dl[0];
                                        for (int ky = 0; ky < ws[3]; ky++) {
                                            int iy = y * s[1] - p[1] + ky * dl[1];
                                            for (int kx = 0; kx < ws[4]; kx++) {
                                                int ix = xx * s[2] - p[2] + kx * dl[2];
                                                if (iz >= 0 && iz < xs[2] && iy >= 0 && iy < xs[3] && ix >= 0 && ix < xs[4]) {
                                                    sum += x.data()[at(xs, b0, ic, iz, iy, ix)] * w.data()[at(ws, oc, c, kz, ky, kx)];
                                                }
                                            }
                                        }
                                    }
                                }
                                out[at(new int[] {n, outChannels, o[0], o[1], o[2]}, b0, oc, z, y, xx)] = sum;
                            }
                        }
                    }
                }
            }
            return new Ref(out, unlift(new int[] {n, outChannels, o[0], o[1], o[2]}, d));
        }

        static Ref convTranspose(Ref x, Ref w, double[] b, ConvSpec spec) {
            int d = spec.spatialDims();
            int[] xs = lift(x.shape(), d);
            int[] ws = lift(w.shape(), d);
            int[] s = lift3(spec.stride(), 1);
            int[] p = lift3(spec.padding(), 0);
            int[] dl = lift3(spec.dilation(), 1);
            int[] op = lift3(spec.outputPadding(), 0);
            int groups = spec.groups();
            int n = xs[0];
            int channels = xs[1];
            int perGroupIn = channels / groups;
            int perGroupOut = ws[1];
            int outChannels = perGroupOut * groups;
            int[] o = new int[3];
            for (int i = 0; i < 3; i++) {
                o[i] = (xs[i + 2] - 1) * s[i] - 2 * p[i] + dl[i] * (ws[i + 2] - 1) + op[i] + 1;
            }
            int[] os = {n, outChannels, o[0], o[1], o[2]};
            double[] out = new double[n * outChannels * o[0] * o[1] * o[2]];
            for (int b0 = 0; b0 < n; b0++) {
                for (int oc = 0; oc < outChannels; oc++) {
                    for (int i = 0; i < o[0] * o[1] * o[2]; i++) {
                        out[(b0 * outChannels + oc) * o[0] * o[1] * o[2] + i] = b == null ? 0 : b[oc];
                    }
                }
                for (int ic = 0; ic < channels; ic++) {
                    int g = ic / perGroupIn;
                    for (int iz = 0; iz < xs[2]; iz++) {
                        for (int iy = 0; iy < xs[3]; iy++) {
                            for (int ix = 0; ix < xs[4]; ix++) {
                                double v = x.data()[at(xs, b0, ic, iz, iy, ix)];
                                for (int c = 0; c < perGroupOut; c++) {
                                    int oc = g * perGroupOut + c;
                                    for (int kz = 0; kz < ws[2]; kz++) {
                                        int z = iz * s[0] - p[0] + kz * dl[0];
                                        for (int ky = 0; ky < ws[3]; ky++) {
                                            int y = iy * s[1] - p[1] + ky * dl[1];
                                            for (int kx = 0; kx < ws[4]; kx++) {
                                                int xx = ix * s[2] - p[2] + kx * dl[2];
                                                if (z >= 0 && z < o[0] && y >= 0 && y < o[1] && xx >= 0 && xx < o[2]) {
                                                    out[at(os, b0, oc, z, y, xx)] += v * w.data()[at(ws, ic, c, kz, ky, kx)];
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            return new Ref(out, unlift(os, d));
        }

        /** {@code [A, B, *spatial]} with unit dimensions inserted after B up to 3 spatial dimensions. */
        static int[] lift(int[] shape, int d) {
            int[] out = {shape[0], shape[1], 1, 1, 1};
            System.arraycopy(shape, 2, out, 2 + 3 - d, d);
            return out;
        }

        static int[] unlift(int[] shape, int d) {
            int[] out = new int[d + 2];
            out[0] = shape[0];
            out[1] = shape[1];
            System.arraycopy(shape, 2 + 3 - d, out, 2, d);
            return out;
        }

        static int[] lift3(int[] perDim, int fill) {
            int[] out = {fill, fill, fill};
            System.arraycopy(perDim, 0, out, 3 - perDim.length, perDim.length);
            return out;
        }

        /** Row-major offset of {@code (a, b, z, y, x)} in a 5D array of {@code shape}. */
        static int at(int[] shape, int a, int b, int z, int y, int x) {
            return (((a * shape[1] + b) * shape[2] + z) * shape[3] + y) * shape[4] + x;
        }
    }
}
