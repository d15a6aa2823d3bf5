package org.equivariant4j.ssl.loss;

import java.util.Arrays;

import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.tensor.Tensor;

/**
 * Row-wise cosine similarity of embeddings {@code [N, D]}, as {@code torch.nn.functional.cosine_similarity}: each row
 * is divided by its norm (floored at {@link #EPS}, so a zero row gives 0, not NaN) before the dot product. The
 * division is what makes the gradient shrink as 1/||z|| (the pitfall this module exists to show).
 */
public final class Cosine {
    /** Floor of a norm in {@link #normalize}: F.normalize's default. */
    public static final double EPS = 1e-12;

    private Cosine() {
    }

    /** Each row of {@code z} divided by its Euclidean norm. */
    public static Tensor normalize(Tensor z) {
        requireMatrix("Cosine.normalize", z);
        return z.div(z.norm(1, true).clamp(EPS, Double.MAX_VALUE));
    }

    /** {@code [N]}: the cosine of the angle between row n of {@code a} and row n of {@code b}. */
    public static Tensor similarity(Tensor a, Tensor b) {
        requireMatrix("Cosine.similarity", a);
        if (!Arrays.equals(a.shape(), b.shape())) {
            throw new ShapeMismatchException("Cosine.similarity: expected two embeddings of one shape but were "
                    + Arrays.toString(a.shape()) + " and " + Arrays.toString(b.shape()));
        }
        return normalize(a).mul(normalize(b)).sum(1, false);
    }

    static void requireMatrix(String op, Tensor z) {
        if (z.rank() != 2 || z.size(0) == 0) {
            throw new ShapeMismatchException(op + ": expected embeddings [N, D] with N >= 1 but was " + Arrays.toString(z.shape()));
        }
    }
}
