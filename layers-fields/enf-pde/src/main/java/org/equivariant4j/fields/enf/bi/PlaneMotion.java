package org.equivariant4j.fields.enf.bi;

import java.util.Arrays;

import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;

/**
 * A rigid motion of the plane, x ↦ R(angle) x + (tx, ty). It acts on poses that are positions ({@code [..., 2]})
 * like on coordinates, and on oriented poses (x, y, θ) ({@code [..., 3]}) by moving the position and adding the
 * angle to θ. A pure translation has angle 0.
 *
 * @param angle rotation angle in radians
 * @param tx    translation along x
 * @param ty    translation along y
 */
public record PlaneMotion(double angle, double tx, double ty) implements PoseMotion {

    /** A rotation by a uniform angle and a translation uniform in [-1, 1]². */
    public static PlaneMotion sampleRigid(Rng rng) {
        return new PlaneMotion(rng.nextDouble(0, 2 * Math.PI), rng.nextDouble(-1, 1), rng.nextDouble(-1, 1));
    }

    /** A translation uniform in [-1, 1]². */
    public static PlaneMotion sampleTranslation(Rng rng) {
        return new PlaneMotion(0, rng.nextDouble(-1, 1), rng.nextDouble(-1, 1));
    }

    @Override
    public Tensor actOnCoordinates(Tensor coordinates) {
        if (coordinates.rank() == 0 || coordinates.size(-1) != 2) {
            throw new ShapeMismatchException(this + ".actOnCoordinates: expected [..., 2] but was "
                    + Arrays.toString(coordinates.shape()));
        }
        return movePoints(coordinates.to(DType.FLOAT64)).to(coordinates.dtype());
    }

    @Override
    public Tensor actOnPoses(Tensor poses) {
        int last = poses.rank() == 0 ? 0 : poses.size(-1);
        if (last == 2) {
            return actOnCoordinates(poses);
        }
        if (last != 3) {
            throw new ShapeMismatchException(this + ".actOnPoses: expected positions [..., 2] or oriented poses"
                    + " [..., 3] but was " + Arrays.toString(poses.shape()));
        }
        Tensor p = poses.to(DType.FLOAT64);
        Tensor moved = movePoints(p.narrow(-1, 0, 2));
        return Tensors.concat(-1, moved, p.narrow(-1, 2, 1).add(angle)).to(poses.dtype());
    }

    private Tensor movePoints(Tensor points) {
        double c = Math.cos(angle);
        double s = Math.sin(angle);
        // Row vectors: x' = x R^T + t.
        Tensor rotationTransposed = Tensors.of(new double[] {c, s, -s, c}, DType.FLOAT64, 2, 2);
        Tensor translation = Tensors.of(new double[] {tx, ty}, DType.FLOAT64, 2);
        return points.matmul(rotationTransposed).add(translation);
    }
}
