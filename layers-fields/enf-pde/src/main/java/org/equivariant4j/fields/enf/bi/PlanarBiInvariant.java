package org.equivariant4j.fields.enf.bi;

import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;

/**
 * What the bi-invariants of the (unbounded) plane share: coordinates are points (x, y), a pose starts with the
 * latent's position (x, y), the window distance is the Euclidean one between the two, and test data and initial
 * positions are spread over [−1, 1]².
 */
abstract class PlanarBiInvariant extends AbstractBiInvariant {

    PlanarBiInvariant(String id, int poseDim, int dim, int pairDim, int tangentDim) {
        super(id, 2, poseDim, dim, pairDim, tangentDim);
    }

    /** The latents' positions, {@code [B, L, 2]}. */
    static Tensor positions(Tensor poses) {
        return poses.narrow(-1, 0, 2);
    }

    @Override
    protected final Tensor computeSquaredDistance(Tensor coordinates, Tensor poses) {
        return differences(coordinates, positions(poses)).pow(2).sum(-1, false);
    }

    @Override
    public final Tensor sampleCoordinates(Rng rng, int count, DType dtype) {
        return Tensors.uniform(rng, -1, 1, dtype, count, 2);
    }
}
