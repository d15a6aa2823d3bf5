package org.equivariant4j.gconv.ccnn.kernel;

import java.util.Arrays;

import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.module.UnaryModule;
import org.equivariant4j.core.tensor.Tensor;

/**
 * A kernel network: a small network that maps relative positions {@code [P, d]} (each coordinate
 * in [-1, 1]) to kernel values {@code [P, out]}, so a convolution kernel is a continuous function
 * that can be sampled on a grid of any size. Subclasses differ in how they reach high
 * frequencies: sine activations ({@link Siren}), random Fourier features ({@link FourierFeatureMlp})
 * or products of Gabor filters ({@link MagNet}).
 */
public abstract class KernelNet extends UnaryModule {
    private final int dims;
    private final int outChannels;

    protected KernelNet(int dims, int outChannels) {
        this.dims = dims;
        this.outChannels = outChannels;
    }

    /** Dimension d of the positions. */
    public final int dims() {
        return dims;
    }

    /** Kernel values per position. */
    public final int outChannels() {
        return outChannels;
    }

    /** Kernel values {@code [P, out]} at {@code positions [P, d]}. */
    @Override
    public final Tensor forward(Tensor positions) {
        if (positions.rank() != 2 || positions.size(1) != dims) {
            throw new ShapeMismatchException(this + ": expected positions [P, " + dims + "] but was "
                    + Arrays.toString(positions.shape()));
        }
        return evaluate(positions);
    }

    /** The network on checked positions. */
    protected abstract Tensor evaluate(Tensor positions);
}
