package org.equivariant4j.fields.enf.bi;

import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;

/**
 * Translations of the plane: a(x, p) = x − p, the position of x relative to the latent. Poses are positions; pairs
 * give p_j − p_i; a velocity means the same in every frame (translations do not turn frames), so the local velocity
 * is the global one.
 */
public final class TranslationBiInvariant extends PlanarBiInvariant {

    public TranslationBiInvariant() {
        super("translation", 2, 2, 2, 2);
    }

    @Override
    protected Tensor computeBetween(Tensor coordinates, Tensor poses) {
        return differences(coordinates, poses);
    }

    @Override
    protected Tensor computeBetweenPoses(Tensor poses) {
        return differences(poses, poses).neg();
    }

    @Override
    protected Tensor computeGlobalVelocity(Tensor poses, Tensor localVelocity) {
        return localVelocity;
    }

    @Override
    public PoseMotion sample(Rng rng) {
        return PlaneMotion.sampleTranslation(rng);
    }

    @Override
    public Tensor samplePoses(Rng rng, int count, DType dtype) {
        return sampleCoordinates(rng, count, dtype);
    }
}
