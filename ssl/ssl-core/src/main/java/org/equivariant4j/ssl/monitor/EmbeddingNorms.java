package org.equivariant4j.ssl.monitor;

import java.util.Arrays;

import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.tensor.GradMode;
import org.equivariant4j.core.tensor.Tensor;

/** The mean Euclidean norm of embedding rows {@code [N, D]}: the quantity whose growth slows cosine-similarity training. */
public final class EmbeddingNorms {
    private EmbeddingNorms() {
    }

    public static double mean(Tensor embeddings) {
        if (embeddings.rank() != 2 || embeddings.size(0) == 0) {
            throw new ShapeMismatchException("EmbeddingNorms.mean: expected embeddings [N, D] with N >= 1 but was "
                    + Arrays.toString(embeddings.shape()));
        }
        try (GradMode.Scope ignored = GradMode.disabled()) {
            return embeddings.detach().norm(1, false).mean().item();
        }
    }
}
