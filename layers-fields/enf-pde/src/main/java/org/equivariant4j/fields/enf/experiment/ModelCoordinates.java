package org.equivariant4j.fields.enf.experiment;

import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.fields.enf.pde.PdeGrid;
import org.equivariant4j.fields.enf.pde.Trajectories;

/**
 * The grid's points as one model sees them ({@code [P, d]}), and the host-side gathering of observations into the
 * batched tensors a forecaster takes. The plane is scaled to [-1, 1]² (where the bi-invariants spread their initial
 * latents; a scaling commutes with rotations and translations, so equivariance is kept); the torus keeps its unit
 * period; the sphere keeps its unit vectors, or, for a model on planar absolute positions, is flattened to
 * (colatitude, longitude) scaled to [-1, 1]², an ordinary chart with no symmetry.
 */
final class ModelCoordinates {
    private final int dim;
    private final double[] coordinates;

    private ModelCoordinates(int dim, double[] coordinates) {
        this.dim = dim;
        this.coordinates = coordinates;
    }

    /** The coordinates a model with {@code coordinateDim} numbers per point sees on {@code grid}. */
    static ModelCoordinates of(PdeGrid grid, int coordinateDim) {
        int p = grid.points();
        if (grid.coordDim() == 3 && coordinateDim == 2) {
            double[] chart = new double[2 * p];
            for (int i = 0; i < p; i++) {
                double z = Math.max(-1, Math.min(1, grid.coordinate(i, 2)));
                chart[2 * i] = 2 * Math.acos(z) / Math.PI - 1;
                chart[2 * i + 1] = Math.atan2(grid.coordinate(i, 1), grid.coordinate(i, 0)) / Math.PI;
            }
            return new ModelCoordinates(2, chart);
        }
        if (grid.coordDim() != coordinateDim) {
            throw new ShapeMismatchException("ModelCoordinates: a model of " + coordinateDim
                    + " numbers per coordinate cannot see " + grid);
        }
        double[] c = grid.coordinates().clone();
        if (!grid.periodic() && grid.coordDim() == 2) {
            double extent = 0;
            for (double v : c) {
                extent = Math.max(extent, Math.abs(v));
            }
            for (int i = 0; i < c.length; i++) {
                c[i] /= extent;
            }
        }
        return new ModelCoordinates(coordinateDim, c);
    }

    /** {@code [copies, points.length, d]}: the coordinates of {@code points}, repeated for each of {@code copies} fields. */
    Tensor at(int[] points, int copies) {
        double[] out = new double[copies * points.length * dim];
        for (int k = 0; k < copies; k++) {
            for (int q = 0; q < points.length; q++) {
                System.arraycopy(coordinates, points[q] * dim, out, (k * points.length + q) * dim, dim);
            }
        }
        return Tensors.of(out, DType.FLOAT32, copies, points.length, dim);
    }

    /** {@code [frames.length * trajectories.length, points.length, 1]}: the values, frame-major then trajectory. */
    static Tensor values(Trajectories data, int[] trajectories, int[] frames, int[] points) {
        float[] out = new float[frames.length * trajectories.length * points.length];
        int i = 0;
        for (int t : frames) {
            for (int n : trajectories) {
                for (int p : points) {
                    out[i++] = data.value(n, t, p);
                }
            }
        }
        return Tensors.of(out, frames.length * trajectories.length, points.length, 1);
    }
}
