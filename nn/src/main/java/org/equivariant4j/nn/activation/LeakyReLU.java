package org.equivariant4j.nn.activation;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.module.UnaryModule;
import org.equivariant4j.core.tensor.Tensor;

/** {@code x} for positive {@code x}, {@code slope * x} otherwise; a small slope keeps gradients alive for negative inputs. */
public final class LeakyReLU extends UnaryModule {
    private final double negativeSlope;

    /** Slope 0.01, PyTorch's default. */
    public LeakyReLU() {
        this(0.01);
    }

    public LeakyReLU(double negativeSlope) {
        if (!Double.isFinite(negativeSlope)) {
            throw new InvalidArgumentException("LeakyReLU: the slope must be finite, got " + negativeSlope);
        }
        this.negativeSlope = negativeSlope;
    }

    public double negativeSlope() {
        return negativeSlope;
    }

    @Override
    public Tensor forward(Tensor input) {
        return input.leakyRelu(negativeSlope);
    }

    @Override
    public String toString() {
        return "LeakyReLU(" + negativeSlope + ")";
    }
}
