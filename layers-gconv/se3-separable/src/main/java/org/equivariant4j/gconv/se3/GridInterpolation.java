package org.equivariant4j.gconv.se3;

import java.util.List;

import org.equivariant4j.core.group.AbstractRepresentation;
import org.equivariant4j.core.group.EuclideanAction;
import org.equivariant4j.core.group.GroupElement;
import org.equivariant4j.core.group.Matrix;
import org.equivariant4j.core.group.Representation;
import org.equivariant4j.groups.SO3;

/**
 * How SO(3) acts on a signal sampled on a uniform grid that is not a group: the left translation
 * {@code (g·f)(h) = f(g⁻¹h)} evaluated by Gaussian RBF interpolation. The interpolant through the grid
 * values is {@code f(h) = Σ_l φ(d(h, g_l)) c_l} with {@code Φ c = f} (Φ the kernel matrix of the grid), so
 * the identity acts exactly and the action is a smooth approximation elsewhere: an approximate
 * representation, which is why layers on such grids declare their tolerance.
 */
final class GridInterpolation {
    private final RotationGrid grid;
    private final List<double[]> matrices;
    private final double width;
    private final Matrix inverseGram;

    GridInterpolation(RotationGrid grid) {
        this.grid = grid;
        this.matrices = RotationGrid.matrices(grid);
        this.width = grid.rbfWidth();
        int n = matrices.size();
        double[][] gram = new double[n][n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                gram[a][b] = rbf(matrices.get(a), matrices.get(b));
            }
        }
        this.inverseGram = Matrix.of(gram).inverse();
    }

    private double rbf(double[] a, double[] b) {
        double d = RotationGrid.distance(a, b) / width;
        return Math.exp(-d * d);
    }

    /** The matrix that maps grid values of f to grid values of g·f. */
    Matrix translation(double[] g) {
        int n = matrices.size();
        double[][] b = new double[n][n];
        for (int i = 0; i < n; i++) {
            double[] source = RotationGrid.relative(g, matrices.get(i)); // g⁻¹ g_i
            for (int l = 0; l < n; l++) {
                b[i][l] = rbf(source, matrices.get(l));
            }
        }
        return Matrix.of(b).multiply(inverseGram);
    }

    Representation representation() {
        return new Interpolated();
    }

    /** The approximate left-regular representation of SO(3) on the grid. */
    private final class Interpolated extends AbstractRepresentation {
        Interpolated() {
            super(SO3.group(), "interpolated(" + grid.name() + ")", grid.size());
        }

        @Override
        protected Matrix compute(GroupElement g) {
            return translation(((EuclideanAction) g).linearPart().toRowMajor());
        }

        /** Pointwise maps commute with it only approximately, like the action itself (declared by the layers). */
        @Override
        public boolean supportsPointwise() {
            return true;
        }

        @Override
        public boolean isOrthogonal() {
            return false;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Interpolated other && other.name().equals(name());
        }

        @Override
        public int hashCode() {
            return name().hashCode();
        }
    }
}
