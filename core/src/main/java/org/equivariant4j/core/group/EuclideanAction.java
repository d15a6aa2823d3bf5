package org.equivariant4j.core.group;

/**
 * An element that acts on Euclidean space R^d as an isometry {@code x -> A x + t} with A orthogonal:
 * rotations and reflections (t = 0) and rigid motions. A {@code FieldType}'s domain (a pixel grid, a
 * point cloud, continuous coordinates) is transformed through this action, and
 * {@link Representation#standard(Group)} is its linear part.
 *
 * <p>Coordinates are (x, y) in 2D and (x, y, z) in 3D; for pixel grids, x is the column index and y
 * the row index of an image.
 */
public interface EuclideanAction extends GroupElement {

    /** The dimension d of the space acted on. */
    int spaceDimension();

    /** The orthogonal d x d matrix A. */
    Matrix linearPart();

    /** The translation t (length d; zeros for rotations and reflections). */
    double[] translation();

    /** {@code A x + t}. */
    default double[] apply(double[] point) {
        double[] y = linearPart().multiply(point);
        double[] t = translation();
        for (int i = 0; i < y.length; i++) {
            y[i] += t[i];
        }
        return y;
    }

    /**
     * Whether the action maps the integer lattice Z^d (the pixel or voxel grid) onto itself: A has
     * integer entries and t is integral (within 1e-9). True for every element of C4, D4 and the
     * octahedral group; false for a rotation by 45 degrees.
     */
    default boolean preservesGrid() {
        Matrix a = linearPart();
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < a.columns(); j++) {
                if (Math.abs(a.get(i, j) - Math.rint(a.get(i, j))) > 1e-9) {
                    return false;
                }
            }
        }
        for (double v : translation()) {
            if (Math.abs(v - Math.rint(v)) > 1e-9) {
                return false;
            }
        }
        return true;
    }
}
