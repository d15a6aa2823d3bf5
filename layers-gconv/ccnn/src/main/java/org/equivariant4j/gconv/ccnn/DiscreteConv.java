package org.equivariant4j.gconv.ccnn;

import java.util.Arrays;

import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.module.Parameter;
import org.equivariant4j.core.module.UnaryModule;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;

/**
 * A plain depthwise convolution with a discrete {@code k^d} kernel per channel, placed by a
 * {@link Padding} like the continuous ones: the ablation's baseline ({@link ConvKind#DISCRETE}).
 * PyTorch's default initialisation (U(-1/√fan, 1/√fan) with fan = k^d).
 */
public final class DiscreteConv extends UnaryModule {
    private final int dims;
    private final int channels;
    private final int taps;
    private final Padding padding;
    private final Parameter weight;
    private final Parameter bias;

    public DiscreteConv(int dims, int channels, int taps, Padding padding, DType dtype, Rng rng) {
        this.dims = dims;
        this.channels = channels;
        this.taps = taps;
        this.padding = padding;
        int[] shape = new int[2 + dims];
        Arrays.fill(shape, taps);
        shape[0] = channels;
        shape[1] = 1;
        double bound = 1.0 / Math.sqrt(Math.pow(taps, dims));
        this.weight = registerParameter("weight", Tensors.uniform(rng, -bound, bound, dtype, shape));
        this.bias = registerParameter("bias", Tensors.uniform(rng, -bound, bound, dtype, channels));
    }

    /** Taps per dimension. */
    public int taps() {
        return taps;
    }

    @Override
    public Tensor forward(Tensor input) {
        if (input.rank() != dims + 2 || input.size(1) != channels) {
            throw new ShapeMismatchException(this + ": expected input [N, " + channels + ", " + dims + " spatial dims] but was "
                    + Arrays.toString(input.shape()));
        }
        return FftConv.convolve(input, weight.value(), bias.value(), padding, true);
    }

    @Override
    public String toString() {
        return "DiscreteConv(" + dims + "D, " + channels + " channels, " + taps + " taps, " + padding + ")";
    }
}
