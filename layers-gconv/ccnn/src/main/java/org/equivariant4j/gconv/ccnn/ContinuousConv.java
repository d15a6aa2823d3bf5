package org.equivariant4j.gconv.ccnn;

import java.util.Arrays;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.module.Parameter;
import org.equivariant4j.core.module.UnaryModule;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.gconv.ccnn.kernel.KernelNet;
import org.equivariant4j.gconv.ccnn.kernel.KernelNetSpec;

/**
 * A convolution whose kernel is a {@link KernelNet} sampled on a grid as large as the input, then
 * applied with {@link FftConv} (FFT or direct by kernel size). Subclasses choose which part of
 * the grid to sample and how to weight it ({@link CKConv}: all of it; {@link FlexConv}: a learnt
 * Gaussian window, cropped).
 *
 * <p>The full kernel grid per spatial dimension of size L has L taps for {@link Padding#CAUSAL}
 * (the kernel reaches back to the first sample) and the largest odd number <= L otherwise (a
 * centred kernel reaching the far edge from the middle). Positions span [-1, 1] whatever L.
 *
 * <p>Resolution: with a {@code referenceSize} (the input size the layer is trained at) the sampled
 * kernel is multiplied by the ratio of the grid steps, {@code Π (K_ref,i - 1) / (K_i - 1)}, so the
 * sum over taps approximates the same integral at any resolution: a layer trained at L runs at
 * 2L - 1 on the same signal sampled twice as densely. Without one the kernel is used as sampled.
 *
 * <p>{@code depthwise}: one kernel per channel ({@code [C, 1, *K]}, the net outputs C values per
 * position); otherwise a full kernel {@code [O, C, *K]} (the net outputs O·C values).
 */
public abstract class ContinuousConv extends UnaryModule {
    private final int dims;
    private final int inChannels;
    private final int outChannels;
    private final boolean depthwise;
    private final Padding padding;
    private final int[] referenceSize;
    private final KernelNet kernelNet;
    private final Parameter bias;

    protected ContinuousConv(int dims, int inChannels, int outChannels, boolean depthwise, Padding padding, int[] referenceSize,
            KernelNetSpec spec, DType dtype, Rng rng) {
        if (dims < 1 || dims > 3 || inChannels < 1 || outChannels < 1) {
            throw new InvalidArgumentException(getClass().getSimpleName() + ": need 1-3 dims and positive channel counts, got dims "
                    + dims + ", " + inChannels + " -> " + outChannels);
        }
        if (depthwise && inChannels != outChannels) {
            throw new InvalidArgumentException(getClass().getSimpleName() + ": a depthwise kernel keeps the channel count, got "
                    + inChannels + " -> " + outChannels);
        }
        if (referenceSize != null && referenceSize.length != dims) {
            throw new ShapeMismatchException(getClass().getSimpleName() + ": referenceSize needs " + dims + " entries, got "
                    + Arrays.toString(referenceSize));
        }
        this.dims = dims;
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.depthwise = depthwise;
        this.padding = padding;
        this.referenceSize = referenceSize == null ? null : referenceSize.clone();
        this.kernelNet = registerModule("kernelNet", spec.build(dims, depthwise ? inChannels : outChannels * inChannels, dtype, rng));
        double bound = 1.0 / Math.sqrt(inChannels);
        this.bias = registerParameter("bias", Tensors.uniform(rng, -bound, bound, dtype, outChannels));
    }

    public final int dims() {
        return dims;
    }

    public final Padding padding() {
        return padding;
    }

    public final boolean depthwise() {
        return depthwise;
    }

    public final KernelNet kernelNet() {
        return kernelNet;
    }

    /** Full kernel grid size for an input of spatial size {@code length} along one dimension. */
    final int fullTaps(int length) {
        return padding == Padding.CAUSAL || length % 2 == 1 ? length : length - 1;
    }

    /** The window of the full grid to sample, as {from, count} per dimension (all of it by default). */
    protected int[][] window(int[] full) {
        return new int[][] {new int[dims], full.clone()};
    }

    /** Weights the sampled values {@code [P, out]} at {@code positions [P, d]} (identity by default). */
    protected Tensor weight(Tensor values, Tensor positions) {
        return values;
    }

    /** The kernel used for an input of spatial size {@code spatial}: {@code [O, C, *K]} or {@code [C, 1, *K]}. */
    public final Tensor kernel(int[] spatial) {
        int[] full = new int[dims];
        for (int i = 0; i < dims; i++) {
            full[i] = fullTaps(spatial[i]);
        }
        int[][] win = window(full);
        Tensor positions = KernelGrid.positions(full, win[0], win[1], bias.value().dtype());
        Tensor values = weight(kernelNet.forward(positions), positions);
        double scale = 1.0;
        if (referenceSize != null) {
            for (int i = 0; i < dims; i++) {
                int reference = fullTaps(referenceSize[i]);
                if (reference > 1 && full[i] > 1) {
                    scale *= (double) (reference - 1) / (full[i] - 1);
                }
            }
        }
        // [P, out] -> [out, P] -> [O, C, *K]
        int[] shape = new int[2 + dims];
        shape[0] = outChannels;
        shape[1] = depthwise ? 1 : inChannels;
        System.arraycopy(win[1], 0, shape, 2, dims);
        Tensor kernel = values.transpose(0, 1).reshape(shape);
        return scale == 1.0 ? kernel : kernel.mul(scale);
    }

    @Override
    public final Tensor forward(Tensor input) {
        if (input.rank() != dims + 2 || input.size(1) != inChannels) {
            throw new ShapeMismatchException(this + ": expected input [N, " + inChannels + ", " + dims + " spatial dims] but was "
                    + Arrays.toString(input.shape()));
        }
        int[] spatial = Arrays.copyOfRange(input.shape(), 2, 2 + dims);
        return FftConv.convolve(input, kernel(spatial), bias.value(), padding, depthwise);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + dims + "D, " + inChannels + " -> " + outChannels + (depthwise ? ", depthwise" : "")
                + ", " + padding + ", " + kernelNet + describeMore() + ")";
    }

    /** Extra text for {@link #toString()} (", σ=..." for FlexConv). */
    protected String describeMore() {
        return "";
    }
}
