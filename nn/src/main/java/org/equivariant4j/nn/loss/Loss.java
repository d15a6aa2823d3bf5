package org.equivariant4j.nn.loss;

import org.equivariant4j.core.tensor.Tensor;

/**
 * A training objective: a scalar (mean over the batch) from a prediction and a target, ready for
 * {@link Tensor#backward()}. Implementations check shapes and dtypes and name themselves in errors.
 */
@FunctionalInterface
public interface Loss {

    /** The mean loss over the batch, a scalar tensor; an empty batch is refused (see {@code EmptyBatches}). */
    Tensor compute(Tensor prediction, Tensor target);
}
