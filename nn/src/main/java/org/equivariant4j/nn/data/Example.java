package org.equivariant4j.nn.data;

import java.util.Objects;

import org.equivariant4j.core.tensor.Tensor;

/**
 * One item of a {@link Dataset}: its features and its target (a class index, a value, ...).
 *
 * @param features the input, without a batch dimension
 * @param label    the target, without a batch dimension (a scalar for a class index)
 */
public record Example(Tensor features, Tensor label) {

    public Example {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(label, "label");
    }
}
