package org.equivariant4j.backend.nd4j.ops;

import org.equivariant4j.backend.nd4j.Nd4jTensor;
import org.equivariant4j.backend.nd4j.autograd.BackwardFn;
import org.equivariant4j.backend.nd4j.ops.NativeConv.Geometry;
import org.equivariant4j.backend.nd4j.ops.NativeConv.Kind;
import org.equivariant4j.core.tensor.ConvSpec;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Convolutions (PyTorch's cross-correlation) over 1, 2 or 3 spatial dimensions, with stride,
 * padding, dilation, groups and an optional bias. The forward is libnd4j's {@code conv2d} /
 * {@code conv3dnew} and the backward its {@code conv2d_bp} / {@code conv3dnew_bp}, which give the
 * input, weight and bias gradients in one call; see {@link NativeConv} for layouts, 1D and groups.
 * Transposed convolutions live in {@link ConvTransposeOps}.
 */
public final class ConvOps {

    private ConvOps() {
    }

    /** {@code x [N, C, *s]} convolved with {@code w [O, C/groups, *k]}, plus {@code b [O]} when not null. */
    public static Nd4jTensor conv(Nd4jTensor x, Nd4jTensor w, Nd4jTensor b, ConvSpec spec) {
        ConvChecks.check("conv", x, w, b, spec, false);
        Geometry geometry = new Geometry(spec.stride(), spec.padding(), spec.dilation());
        long[] kernel = ConvChecks.spatial(w);
        ConvChecks.requirePositive("conv", NativeConv.outputSize(Kind.CONV, ConvChecks.spatial(x), kernel, geometry), x, w, spec);
        int groups = spec.groups();
        INDArray xv = NativeConv.rowMajor(x.value());
        INDArray wv = NativeConv.rowMajor(w.value());
        INDArray bv = b == null ? null : NativeConv.rowMajor(b.value());
        INDArray out = NativeConv.forward(Kind.CONV, xv, wv, bv, geometry, groups);
        BackwardFn backward = g -> {
            INDArray[] grads = NativeConv.backward(Kind.CONV, xv, wv, bv, NativeConv.rowMajor(g), geometry, groups);
            return b == null ? new INDArray[] {grads[0], grads[1]} : grads;
        };
        return b == null ? Nd4jTensor.record("conv", out, backward, x, w) : Nd4jTensor.record("conv", out, backward, x, w, b);
    }

    /** See {@link ConvTransposeOps#convTranspose}. */
    public static Nd4jTensor convTranspose(Nd4jTensor x, Nd4jTensor w, Nd4jTensor b, ConvSpec spec) {
        return ConvTransposeOps.convTranspose(x, w, b, spec);
    }
}
