package org.equivariant4j.fields.enf.field;

import java.util.Arrays;
import java.util.Objects;

import org.equivariant4j.core.error.DTypeMismatchException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.tensor.Tensor;

/**
 * The latent of an equivariant neural field: for each of B fields, L latent points, each a pose p_i (where the latent
 * sits, and for oriented groups which way it faces) and a context vector c_i (what it says about the field there).
 * Poses are {@code [B, L, poseDim]} in the layout of a {@link org.equivariant4j.fields.enf.bi.BiInvariant}; contexts
 * {@code [B, L, C]}. Both are validated when the value is made: ranks, matching B and L, one floating dtype.
 *
 * @param poses    {@code [B, L, poseDim]}
 * @param contexts {@code [B, L, C]}
 */
public record LatentPointCloud(Tensor poses, Tensor contexts) {

    public LatentPointCloud {
        Objects.requireNonNull(poses, "LatentPointCloud: poses");
        Objects.requireNonNull(contexts, "LatentPointCloud: contexts");
        if (poses.rank() != 3 || contexts.rank() != 3 || poses.size(0) != contexts.size(0)
                || poses.size(1) != contexts.size(1)) {
            throw new ShapeMismatchException("LatentPointCloud: expected poses [B, L, poseDim] and contexts [B, L, C] with"
                    + " the same B and L but were " + Arrays.toString(poses.shape()) + " and "
                    + Arrays.toString(contexts.shape()));
        }
        if (!poses.dtype().isFloating() || poses.dtype() != contexts.dtype()) {
            throw new DTypeMismatchException("LatentPointCloud: poses and contexts must share one floating dtype, were "
                    + poses.dtype() + " and " + contexts.dtype());
        }
    }

    /** B, the number of fields. */
    public int batchSize() {
        return poses.size(0);
    }

    /** L, the number of latent points per field. */
    public int size() {
        return poses.size(1);
    }

    public int poseDim() {
        return poses.size(2);
    }

    /** C, numbers per context vector. */
    public int contextDim() {
        return contexts.size(2);
    }

    /** The same latents cut from the autodiff graph. */
    public LatentPointCloud detach() {
        return new LatentPointCloud(poses.detach(), contexts.detach());
    }

    @Override
    public String toString() {
        return "LatentPointCloud(poses " + Arrays.toString(poses.shape()) + ", contexts " + Arrays.toString(contexts.shape())
                + ", " + poses.dtype() + ")";
    }
}
