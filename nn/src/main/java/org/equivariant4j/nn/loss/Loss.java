package org.equivariant4j.nn.loss;

import org.equivariant4j.core.tensor.Tensor;

/**
 * A training objective: a scalar (mean over the batch) from a prediction and a target, ready for
 * {@link Tensor#backward()}. Implementations check shapes and dtypes and name themselves in errors.
 */
@FunctionalInterface
public interface Loss {

    /** The mean loss over the batch, a scalar tensor. */
    Tensor compute(Tensor prediction, Tensor target);
}
