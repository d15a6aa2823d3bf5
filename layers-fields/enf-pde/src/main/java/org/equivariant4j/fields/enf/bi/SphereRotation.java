package org.equivariant4j.fields.enf.bi;

import java.util.Arrays;

import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.group.Matrix;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.groups.SO3;

/**
 * A rotation g of the sphere: unit vectors x ↦ g x, and poses given as two vectors of a frame
 * ({@code [..., 6]}: see {@link SphereBiInvariant}) by rotating both.
 *
 * @param matrix the 3×3 rotation
 */
public record SphereRotation(Matrix matrix) implements PoseMotion {

    /** A Haar-uniform rotation. */
    public static SphereRotation sample(Rng rng) {
        return new SphereRotation(SO3.group().sample(rng).matrix());
    }

    @Override
    public Tensor actOnCoordinates(Tensor coordinates) {
        if (coordinates.rank() == 0 || coordinates.size(-1) != 3) {
            throw new ShapeMismatchException(this + ".actOnCoordinates: expected [..., 3] but was "
                    + Arrays.toString(coordinates.shape()));
        }
        return rotate(coordinates.to(DType.FLOAT64)).to(coordinates.dtype());
    }

    @Override
    public Tensor actOnPoses(Tensor poses) {
        if (poses.rank() == 0 || poses.size(-1) != 6) {
            throw new ShapeMismatchException(this + ".actOnPoses: expected frames [..., 6] but was "
                    + Arrays.toString(poses.shape()));
        }
        int[] shape = poses.shape();
        int[] asVectors = Arrays.copyOf(shape, shape.length + 1);
        asVectors[shape.length - 1] = 2;
        asVectors[shape.length] = 3;
        return rotate(poses.to(DType.FLOAT64).reshape(asVectors)).reshape(shape).to(poses.dtype());
    }

    private Tensor rotate(Tensor rowVectors) {
        return rowVectors.matmul(Tensors.of(matrix.transpose().toRowMajor(), DType.FLOAT64, 3, 3));
    }
}
