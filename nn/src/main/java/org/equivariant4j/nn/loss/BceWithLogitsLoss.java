package org.equivariant4j.nn.loss;

import java.util.Arrays;

import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.tensor.Tensor;

/**
 * Binary cross-entropy from logits, averaged over all entries, as PyTorch's
 * {@code F.binary_cross_entropy_with_logits}: for logit {@code x} and target {@code y} in [0, 1],
 * {@code -y log(sigmoid(x)) - (1 - y) log(1 - sigmoid(x))}.
 *
 * <p>Computed as {@code (1 - y) * x + softplus(-x)}, the same value rewritten so that nothing
 * overflows: {@code softplus} is evaluated stably by the engine, so logits of +-1000 give finite
 * losses and the exact gradient {@code sigmoid(x) - y}, where taking the log of a sigmoid would
 * give {@code log(0) = -inf}.
 */
public final class BceWithLogitsLoss implements Loss {

    @Override
    public Tensor compute(Tensor logits, Tensor targets) {
        if (!Arrays.equals(logits.shape(), targets.shape())) {
            throw new ShapeMismatchException("BceWithLogitsLoss: expected logits and targets of equal shape but was "
                    + Arrays.toString(logits.shape()) + " and " + Arrays.toString(targets.shape()));
        }
        EmptyBatches.refuse("BceWithLogitsLoss", "logits", logits.shape());
        Tensor y = targets.to(logits.dtype());
        return y.neg().add(1.0).mul(logits).add(logits.neg().softplus()).mean();
    }

    @Override
    public String toString() {
        return "BceWithLogitsLoss";
    }
}
