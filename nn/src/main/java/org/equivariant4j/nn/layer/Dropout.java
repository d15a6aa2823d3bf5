package org.equivariant4j.nn.layer;

import java.util.Objects;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.module.UnaryModule;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;

/**
 * Inverted dropout: in training mode zeroes each entry with probability {@code p} and scales the
 * survivors by {@code 1 / (1 - p)}, so the expected output equals the input and evaluation needs
 * no rescaling; in evaluation mode the identity. The mask comes from the layer's own seeded
 * {@link Rng}, so a training run is reproducible.
 */
public final class Dropout extends UnaryModule {
    private final double p;
    private final Rng rng;

    /** @param p probability of dropping an entry, in [0, 1) */
    public Dropout(double p, Rng rng) {
        if (!(p >= 0 && p < 1)) {
            throw new InvalidArgumentException("Dropout: p must be in [0, 1), got " + p);
        }
        this.p = p;
        this.rng = Objects.requireNonNull(rng, "rng");
    }

    public double p() {
        return p;
    }

    @Override
    public Tensor forward(Tensor input) {
        if (!isTraining() || p == 0) {
            return input;
        }
        // The scaled keep-mask is drawn in Java and shipped as one tensor: a single multiply on the engine.
        double keep = 1.0 / (1.0 - p);
        double[] mask = new double[Math.toIntExact(input.numel())];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = rng.nextDouble() < p ? 0.0 : keep;
        }
        return input.mul(Tensors.of(mask, input.dtype(), input.shape()));
    }

    @Override
    public String toString() {
        return "Dropout(p=" + p + ")";
    }
}
