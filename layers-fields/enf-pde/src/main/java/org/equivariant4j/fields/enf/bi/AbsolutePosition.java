package org.equivariant4j.fields.enf.bi;

import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;

/**
 * No symmetry, the baseline: a(x, p) = (x, p), both positions in the plane as they are. A field built on it is an
 * ordinary (non-equivariant) neural field with latents; its {@link #sample group element} is a plane motion, under
 * which it is <em>not</em> invariant, which is the point of the comparison. Only {@link #squaredDistance} (the
 * Euclidean one, for the window) happens to be invariant. Poses are positions; local velocities are global ones.
 */
public final class AbsolutePosition extends PlanarBiInvariant {

    public AbsolutePosition() {
        super("absolute", 2, 4, 4, 2);
    }

    @Override
    protected Tensor computeBetween(Tensor coordinates, Tensor poses) {
        int[] pairs = {coordinates.size(0), coordinates.size(1), poses.size(1), 2};
        return Tensors.concat(-1, coordinates.unsqueeze(2).expand(pairs), poses.unsqueeze(1).expand(pairs));
    }

    @Override
    protected Tensor computeBetweenPoses(Tensor poses) {
        int[] pairs = {poses.size(0), poses.size(1), poses.size(1), 2};
        return Tensors.concat(-1, poses.unsqueeze(2).expand(pairs), poses.unsqueeze(1).expand(pairs));
    }

    @Override
    protected Tensor computeGlobalVelocity(Tensor poses, Tensor localVelocity) {
        return localVelocity;
    }

    @Override
    public PoseMotion sample(Rng rng) {
        return PlaneMotion.sampleRigid(rng);
    }

    @Override
    public Tensor samplePoses(Rng rng, int count, DType dtype) {
        return sampleCoordinates(rng, count, dtype);
    }
}
