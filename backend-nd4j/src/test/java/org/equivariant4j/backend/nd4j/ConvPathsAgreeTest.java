package org.equivariant4j.backend.nd4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.equivariant4j.core.tensor.ConvSpec;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The column-GEMM convolution kernels against libnd4j's native ops on random geometries: 1-3
 * spatial dimensions, strides, padding, dilation, groups, bias and (transposed) output padding,
 * values and the gradients of all inputs, in float64 and float32. A few cases are large enough
 * that the kernels cut samples into several blocks and spread them over several lanes.
 */
class ConvPathsAgreeTest {
    private static final long SEED = 20261127;
    private static final int CASES = 40;

    private String saved;

    @BeforeEach
    void saveProperty() {
        saved = System.getProperty(ConvKernelSelection.PROPERTY);
    }

    @AfterEach
    void restoreProperty() {
        if (saved == null) {
            System.clearProperty(ConvKernelSelection.PROPERTY);
        } else {
            System.setProperty(ConvKernelSelection.PROPERTY, saved);
        }
    }

    /** One random problem: shapes, spec, bias, and the seed that made it. */
    record Problem(long seed, boolean transposed, int[] input, int[] weight, boolean bias, ConvSpec spec) {
        @Override
        public String toString() {
            return (transposed ? "convTranspose" : "conv") + " input " + Arrays.toString(input) + " weight "
                    + Arrays.toString(weight) + (bias ? " +bias " : " ") + spec + " (seed " + seed + ")";
        }
    }

    static Stream<Arguments> problems() {
        List<Arguments> out = new ArrayList<>();
        Rng rng = new Rng(SEED);
        for (int i = 0; i < CASES; i++) {
            long seed = rng.nextLong();
            Problem p = random(seed, i % 2 == 1, false);
            out.add(Arguments.of(p, i % 3 == 0 ? DType.FLOAT32 : DType.FLOAT64));
        }
        // Large enough to be cut into blocks and lanes.
        out.add(Arguments.of(new Problem(1, false, new int[] {3, 6, 40, 37}, new int[] {8, 6, 3, 3}, true,
                ConvSpec.of(2).withPadding(1)), DType.FLOAT64));
        out.add(Arguments.of(new Problem(2, false, new int[] {2, 4, 12, 14, 13}, new int[] {6, 2, 3, 3, 3}, true,
                ConvSpec.of(3).withPadding(2).withDilation(2).withGroups(2)), DType.FLOAT32));
        out.add(Arguments.of(new Problem(3, true, new int[] {2, 6, 18, 17}, new int[] {6, 4, 4, 4}, true,
                ConvSpec.of(2).withStride(2).withPadding(1).withOutputPadding(1)), DType.FLOAT64));
        out.add(Arguments.of(new Problem(4, false, new int[] {1, 8, 30, 31}, new int[] {8, 8, 3, 3}, false,
                ConvSpec.of(2).withStride(2).withPadding(1)), DType.FLOAT32));
        for (int i = 0; i < 4; i++) {
            long seed = rng.nextLong();
            out.add(Arguments.of(random(seed, i % 2 == 1, true), DType.FLOAT64));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("problems")
    void kernelsMatchTheNativeOps(Problem p, DType dtype) {
        double[][] kernels = run(p, dtype, "auto");
        double[][] nativeOps = run(p, dtype, "nd4j");
        double tol = dtype == DType.FLOAT64 ? 1e-10 : 2e-4;
        String[] what = {"output", "input gradient", "weight gradient", "bias gradient"};
        for (int k = 0; k < nativeOps.length; k++) {
            assertThat(kernels[k]).as("%s of %s", what[k], p).hasSameSizeAs(nativeOps[k]);
            double scale = 1;
            for (double v : nativeOps[k]) {
                scale = Math.max(scale, Math.abs(v));
            }
            for (int i = 0; i < nativeOps[k].length; i++) {
                assertThat(Math.abs(kernels[k][i] - nativeOps[k][i])).as("%s %s entry %d of %s: native %s but kernels %s", dtype,
                        what[k], i, p, nativeOps[k][i], kernels[k][i]).isLessThanOrEqualTo(tol * scale);
            }
        }
    }

    /** Output and gradients of {@code sum(op(x, w, b) * r)} on the path {@code mode} selects. */
    private static double[][] run(Problem p, DType dtype, String mode) {
        System.setProperty(ConvKernelSelection.PROPERTY, mode);
        Rng rng = new Rng(p.seed());
        Tensor x = Tensors.randn(rng, DType.FLOAT64, p.input()).to(dtype).requiresGrad(true);
        Tensor w = Tensors.randn(rng, DType.FLOAT64, p.weight()).to(dtype).requiresGrad(true);
        int outChannels = p.transposed() ? p.weight()[1] * p.spec().groups() : p.weight()[0];
        Tensor b = p.bias() ? Tensors.randn(rng, DType.FLOAT64, outChannels).to(dtype).requiresGrad(true) : null;
        Tensor out = p.transposed() ? x.convTranspose(w, b, p.spec()) : x.conv(w, b, p.spec());
        Tensor r = Tensors.randn(rng, DType.FLOAT64, out.shape()).to(dtype);
        out.backward(r);
        List<double[]> result = new ArrayList<>(List.of(out.toDoubleArray(), x.grad().toDoubleArray(), w.grad().toDoubleArray()));
        if (b != null) {
            result.add(b.grad().toDoubleArray());
        }
        return result.toArray(double[][]::new);
    }

    /** A random valid problem; {@code large} picks extents of tens rather than units. */
    private static Problem random(long seed, boolean transposed, boolean large) {
        Rng rng = new Rng(seed);
        int d = 1 + rng.nextInt(3);
        int groups = 1 + rng.nextInt(3);
        int n = 1 + rng.nextInt(3);
        int inPerGroup = 1 + rng.nextInt(3);
        int outPerGroup = 1 + rng.nextInt(3);
        int[] stride = new int[d];
        int[] padding = new int[d];
        int[] dilation = new int[d];
        int[] outputPadding = new int[d];
        int[] kernel = new int[d];
        int[] extent = new int[d];
        for (int i = 0; i < d; i++) {
            kernel[i] = 1 + rng.nextInt(d == 3 ? 3 : 4);
            stride[i] = 1 + rng.nextInt(3);
            dilation[i] = 1 + rng.nextInt(2);
            padding[i] = rng.nextInt(3);
            int span = dilation[i] * (kernel[i] - 1) + 1;
            if (transposed) {
                outputPadding[i] = rng.nextInt(Math.max(stride[i], dilation[i]));
                padding[i] = Math.min(padding[i], (span - 1) / 2);
                extent[i] = 1 + rng.nextInt(large ? 20 : 5);
            } else {
                padding[i] = Math.min(padding[i], span - 1);
                extent[i] = Math.max(1, span - 2 * padding[i]) + rng.nextInt(large ? 30 / d + 8 : 5);
            }
        }
        ConvSpec spec = new ConvSpec(stride, padding, dilation, groups, outputPadding);
        int[] input = new int[d + 2];
        int[] weight = new int[d + 2];
        input[0] = n;
        input[1] = groups * inPerGroup;
        if (transposed) {
            weight[0] = groups * inPerGroup;
            weight[1] = outPerGroup;
        } else {
            weight[0] = groups * outPerGroup;
            weight[1] = inPerGroup;
        }
        System.arraycopy(extent, 0, input, 2, d);
        System.arraycopy(kernel, 0, weight, 2, d);
        return new Problem(seed, transposed, input, weight, rng.nextInt(2) == 1, spec);
    }
}
