package org.equivariant4j.nn.activation;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.module.UnaryModule;
import org.equivariant4j.core.tensor.Tensor;

/** Exponential linear unit: {@code x} for positive {@code x}, {@code alpha * (exp(x) - 1)} otherwise (smooth, saturating at {@code -alpha}). */
public final class ELU extends UnaryModule {
    private final double alpha;

    /** Alpha 1, PyTorch's default. */
    public ELU() {
        this(1.0);
    }

    public ELU(double alpha) {
        if (!(alpha > 0) || Double.isInfinite(alpha)) {
            throw new InvalidArgumentException("ELU: alpha must be positive and finite, got " + alpha);
        }
        this.alpha = alpha;
    }

    public double alpha() {
        return alpha;
    }

    @Override
    public Tensor forward(Tensor input) {
        return input.elu(alpha);
    }

    @Override
    public String toString() {
        return "ELU(" + alpha + ")";
    }
}
