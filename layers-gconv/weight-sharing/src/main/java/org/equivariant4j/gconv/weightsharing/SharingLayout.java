package org.equivariant4j.gconv.weightsharing;

import java.util.Arrays;

import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.tensor.ConvSpec;
import org.equivariant4j.core.tensor.Tensor;

/**
 * The tensor layout of a weight-sharing convolution, shared by the learned layer ({@link WeightSharingConv}) and its
 * tied, equivariant form ({@link TiedWeightSharingConv}) so both build their kernels with one piece of code: |G|
 * matrices {@code [|G|, m, m]} applied to a canonical kernel whose trailing dimensions flatten to m positions, the
 * results stacked as one convolution weight {@code [Cout·|G|, Cin·gIn, k, k]} with the group index fastest.
 *
 * @param order           |G|, the number of matrices and of output channels per field
 * @param inChannels      input fields Cin
 * @param inGroupChannels channels per input field gIn (1 for lifting, |G| for group layers)
 * @param outChannels     output fields Cout
 * @param kernelSize      k, odd
 */
record SharingLayout(int order, int inChannels, int inGroupChannels, int outChannels, int kernelSize) {

    /** m: the kernel entries one matrix acts on (gIn·k²). */
    int positions() {
        return inGroupChannels * kernelSize * kernelSize;
    }

    /** Channels of an input tensor, Cin·gIn. */
    int inputChannels() {
        return inChannels * inGroupChannels;
    }

    /** The shape of the canonical kernel: {@code [Cout, Cin, k, k]} or {@code [Cout, Cin, gIn, k, k]}. */
    int[] weightShape() {
        return inGroupChannels == 1 ? new int[] {outChannels, inChannels, kernelSize, kernelSize}
                : new int[] {outChannels, inChannels, inGroupChannels, kernelSize, kernelSize};
    }

    /** The |G| kernels {@code matrices[g] · weight} stacked as {@code [Cout·|G|, Cin·gIn, k, k]} (group index fastest). */
    Tensor kernel(Tensor matrices, Tensor weight) {
        int m = positions();
        Tensor canonical = weight.reshape(outChannels * inChannels, m).transpose(0, 1);
        Tensor shared = matrices.matmul(canonical);                             // [G, m, Cout*Cin]
        return shared.reshape(order, m, outChannels, inChannels)
                .permute(2, 0, 3, 1)                                             // [Cout, G, Cin, m]
                .reshape(outChannels * order, inputChannels(), kernelSize, kernelSize);
    }

    /**
     * Convolves {@code x [N, Cin·gIn, H, W]} with the stacked kernel, stride 1, zero padding k/2 ("same"), adding each
     * field's bias {@code [Cout]} (or none) to its |G| channels.
     *
     * @throws ShapeMismatchException naming {@code owner} if x is not {@code [N, Cin·gIn, H, W]}
     */
    Tensor convolve(Object owner, Tensor x, Tensor kernel, Tensor bias) {
        int[] s = x.shape();
        if (s.length != 4 || s[1] != inputChannels()) {
            throw new ShapeMismatchException(owner + ": expected an input [N, " + inputChannels() + ", H, W] but was "
                    + Arrays.toString(s));
        }
        Tensor b = bias == null ? null : bias.reshape(outChannels, 1).expand(outChannels, order).reshape(outChannels * order);
        return x.conv(kernel, b, ConvSpec.of(2).withPadding(kernelSize / 2));
    }
}
