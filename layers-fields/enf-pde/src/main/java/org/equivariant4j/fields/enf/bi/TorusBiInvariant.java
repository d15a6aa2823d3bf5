package org.equivariant4j.fields.enf.bi;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;

/**
 * Translations of the flat torus [0, side)² (periodic boundary conditions, e.g. Navier–Stokes): the relative position
 * x − p embedded on the circle of each axis, a(x, p) = (cos 2π(x−p)/side, sin 2π(x−p)/side) per axis, four numbers.
 * The embedding makes the wrap-around smooth (no jump where the shortest offset changes sign) and is unchanged by a
 * whole period. The squared distance is the chordal one of that embedding rescaled to length units,
 * Σ (side/π)² sin²(π(x−p)/side): periodic, smooth, and the squared Euclidean distance near the latent. Poses are
 * positions; local and global velocities coincide.
 */
public final class TorusBiInvariant extends AbstractBiInvariant {
    private final double side;

    /** The unit torus [0, 1)², the registered {@code "torus"}. */
    public TorusBiInvariant() {
        this(1.0);
    }

    /** The torus [0, side)². */
    public TorusBiInvariant(double side) {
        super("torus", 2, 2, 4, 4, 2);
        if (!(side > 0) || Double.isInfinite(side)) {
            throw new InvalidArgumentException("TorusBiInvariant: side must be positive and finite, got " + side);
        }
        this.side = side;
    }

    /** The period of both axes. */
    public double side() {
        return side;
    }

    @Override
    protected Tensor computeBetween(Tensor coordinates, Tensor poses) {
        return embed(differences(coordinates, poses));
    }

    @Override
    protected Tensor computeSquaredDistance(Tensor coordinates, Tensor poses) {
        double scale = side / Math.PI;
        return differences(coordinates, poses).mul(Math.PI / side).sin().pow(2).sum(-1, false).mul(scale * scale);
    }

    @Override
    protected Tensor computeBetweenPoses(Tensor poses) {
        return embed(differences(poses, poses).neg());
    }

    private Tensor embed(Tensor offsets) {
        Tensor phase = offsets.mul(2 * Math.PI / side);
        return Tensors.concat(-1, phase.cos(), phase.sin());
    }

    @Override
    protected Tensor computeGlobalVelocity(Tensor poses, Tensor localVelocity) {
        return localVelocity;
    }

    @Override
    public PoseMotion sample(Rng rng) {
        return TorusShift.sample(rng, side);
    }

    @Override
    public Tensor sampleCoordinates(Rng rng, int count, DType dtype) {
        return Tensors.uniform(rng, 0, side, dtype, count, 2);
    }

    @Override
    public Tensor samplePoses(Rng rng, int count, DType dtype) {
        return Tensors.uniform(rng, 0, side, dtype, count, 2);
    }

    @Override
    public String toString() {
        return "BiInvariant(torus, side " + side + ")";
    }
}
