package org.equivariant4j.fields.enf.bi;

import java.util.Arrays;

import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;

/**
 * A translation of the flat torus [0, side)²: x ↦ x + s, wrapped back into [0, side) (points given in [0, side)
 * stay there; a point outside is moved by s without wrapping, which the periodic bi-invariant does not notice).
 * Poses are positions, so they move like coordinates.
 *
 * @param sx   shift along x, in [0, side)
 * @param sy   shift along y, in [0, side)
 * @param side the period of both axes
 */
public record TorusShift(double sx, double sy, double side) implements PoseMotion {

    /** A shift uniform over the torus. */
    public static TorusShift sample(Rng rng, double side) {
        return new TorusShift(rng.nextDouble(0, side), rng.nextDouble(0, side), side);
    }

    @Override
    public Tensor actOnCoordinates(Tensor coordinates) {
        if (coordinates.rank() == 0 || coordinates.size(-1) != 2) {
            throw new ShapeMismatchException(this + ".actOnCoordinates: expected [..., 2] but was "
                    + Arrays.toString(coordinates.shape()));
        }
        Tensor shifted = coordinates.to(DType.FLOAT64).add(Tensors.of(new double[] {sx, sy}, DType.FLOAT64, 2));
        Tensor wrapped = Tensors.where(shifted.lt(side), shifted, shifted.sub(side));
        return wrapped.to(coordinates.dtype());
    }

    @Override
    public Tensor actOnPoses(Tensor poses) {
        return actOnCoordinates(poses);
    }
}
