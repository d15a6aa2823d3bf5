package org.equivariant4j.backend.nd4j;

import org.equivariant4j.backend.nd4j.NativeConv.Geometry;
import org.equivariant4j.backend.nd4j.NativeConv.Kind;
import org.equivariant4j.core.tensor.ConvSpec;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Convolutions (PyTorch's cross-correlation) over 1, 2 or 3 spatial dimensions, with stride,
 * padding, dilation, groups and an optional bias.
 *
 * <p>Two implementations: on the CPU backend in float32 and float64, column-matrix GEMMs
 * ({@link GemmConvolution}; see its comment for when and why it is faster); otherwise, or with
 * {@code -Dequivariant4j.kernels=nd4j} ({@link ConvKernelSelection}), libnd4j's {@code conv2d} /
 * {@code conv3dnew} and, backward, their {@code _bp} ops, which give the input, weight and bias
 * gradients in one call; see {@link NativeConv} for layouts, 1D and groups. The backward always
 * runs on the path the forward took. Transposed convolutions live in {@link ConvTransposeOps}.
 */
final class ConvOps {

    private ConvOps() {
    }

    /** {@code x [N, C, *s]} convolved with {@code w [O, C/groups, *k]}, plus {@code b [O]} when not null. */
    public static Nd4jTensor conv(Nd4jTensor x, Nd4jTensor w, Nd4jTensor b, ConvSpec spec) {
        ConvChecks.check("conv", x, w, b, spec, false);
        Geometry geometry = new Geometry(spec.stride(), spec.padding(), spec.dilation());
        long[] kernel = ConvChecks.spatial(w);
        long[] outSize = NativeConv.outputSize(Kind.CONV, ConvChecks.spatial(x), kernel, geometry);
        ConvChecks.requirePositive("conv", outSize, x, w, spec);
        ConvChecks.requireAllocatable("conv", x, w.size(0), outSize);
        if (x.size(0) == 0) {
            return ConvChecks.emptyBatch("conv", x, w, b, w.size(0), outSize);
        }
        int groups = spec.groups();
        if (ConvKernelSelection.useKernels(x.value().dataType())
                && GemmConvolution.fits(x.value().length(), outputLength(x, w.size(0), outSize))) {
            return convOnKernels(x, w, b, spec, outSize, kernel);
        }
        INDArray xv = NativeConv.rowMajor(x.value());
        INDArray wv = NativeConv.rowMajor(w.value());
        INDArray bv = b == null ? null : NativeConv.rowMajor(b.value());
        INDArray out = NativeConv.forward(Kind.CONV, xv, wv, bv, geometry, groups);
        BackwardFn backward = g -> {
            INDArray[] grads = NativeConv.backward(Kind.CONV, xv, wv, bv, NativeConv.rowMajor(g), geometry, groups);
            return b == null ? new INDArray[] {grads[0], grads[1]} : grads;
        };
        return recordConv("conv", out, backward, x, w, b, spec);
    }

    /**
     * Records a convolution or transposed convolution ({@code op}) with its first-order backward
     * and, for create-graph passes, its backward as a bilinear op ({@link BilinearGradients}) plus
     * the bias gradient, the sum of {@code g} over batch and space.
     */
    static Nd4jTensor recordConv(String op, INDArray out, BackwardFn backward, Nd4jTensor x, Nd4jTensor w, Nd4jTensor b,
            ConvSpec spec) {
        BilinearGradients bilinear = new BilinearGradients(op, "conv".equals(op)
                ? (xi, wi) -> conv(xi, wi, null, spec) : (xi, wi) -> ConvTransposeOps.convTranspose(xi, wi, null, spec));
        GraphBackward graph = (g, y) -> {
            Nd4jTensor[] xw = bilinear.backward(g, x, w);
            if (b == null) {
                return xw;
            }
            int[] axes = new int[g.rank() - 1];
            for (int i = 1; i < axes.length; i++) {
                axes[i] = i + 1;
            }
            return new Nd4jTensor[] {xw[0], xw[1], ReductionOps.sum(g, axes, false)};
        };
        return b == null ? Nd4jTensor.record(op, out, backward, graph, x, w) : Nd4jTensor.record(op, out, backward, graph, x, w, b);
    }

    private static Nd4jTensor convOnKernels(Nd4jTensor x, Nd4jTensor w, Nd4jTensor b, ConvSpec spec, long[] outSize,
            long[] kernel) {
        ConvGeometry columns = ConvGeometry.of(ConvChecks.spatial(x), outSize, kernel, spec.stride(), spec.padding(),
                spec.dilation());
        int groups = spec.groups();
        INDArray xv = GemmConvolution.usable(x.value());
        INDArray wv = GemmConvolution.usable(w.value());
        INDArray bv = b == null ? null : b.value();
        INDArray out = GemmConvolution.conv(xv, wv, bv, columns, groups);
        BackwardFn backward = g -> {
            INDArray[] grads = GemmConvolution.convBackward(xv, wv, GemmConvolution.usable(g), columns, groups, x.requiresGrad(),
                    w.requiresGrad(), b != null);
            return b == null ? new INDArray[] {grads[0], grads[1]} : grads;
        };
        return recordConv("conv", out, backward, x, w, b, spec);
    }

    /** Elements of an {@code [N, channels, *spatial]} result with the batch of {@code x}. */
    static long outputLength(Nd4jTensor x, long channels, long[] spatial) {
        long n = x.size(0) * channels;
        for (long s : spatial) {
            n *= s;
        }
        return n;
    }

    /** See {@link ConvTransposeOps#convTranspose}. */
    public static Nd4jTensor convTranspose(Nd4jTensor x, Nd4jTensor w, Nd4jTensor b, ConvSpec spec) {
        return ConvTransposeOps.convTranspose(x, w, b, spec);
    }
}
