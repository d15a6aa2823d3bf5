package org.equivariant4j.nn.data;

import java.util.Objects;

import org.equivariant4j.core.tensor.Tensor;

/**
 * A mini-batch: examples stacked along a new leading dimension.
 *
 * @param features {@code [B, *featureShape]}
 * @param labels   {@code [B, *labelShape]} ({@code [B]} for class indices)
 */
public record Batch(Tensor features, Tensor labels) {

    public Batch {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(labels, "labels");
    }

    /** Number of examples. */
    public int size() {
        return features.size(0);
    }
}
