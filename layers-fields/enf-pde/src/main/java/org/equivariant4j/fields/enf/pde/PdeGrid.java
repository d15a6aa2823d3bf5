package org.equivariant4j.fields.enf.pde;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;

/**
 * The points a PDE is simulated and observed on: a {@code rows x cols} grid flattened row-major to
 * {@code P = rows * cols} points, each with {@code coordDim} coordinates ({@code [P, coordDim]}).
 *
 * <ul>
 *   <li>plane: (x, y) with x = the row's coordinate, y = the column's, nodes of [-L, L]^2 with both ends;</li>
 *   <li>torus: (x, y) = (row / n, col / n) in the period box [0, 1)^2 ({@link #period()} 1);</li>
 *   <li>sphere: unit vectors (sin θ cos φ, sin θ sin φ, cos θ), rows the colatitudes
 *       θ_j = π (j + 1/2) / rows from the north pole down, columns the longitudes φ_k = 2π k / cols.</li>
 * </ul>
 *
 * @param period the period of each coordinate on a torus, 0 when the domain is not periodic
 */
public record PdeGrid(int rows, int cols, int coordDim, double[] coordinates, double period) {

    public PdeGrid {
        if (rows <= 0 || cols <= 0 || coordDim <= 0 || coordinates.length != (long) rows * cols * coordDim || period < 0) {
            throw new InvalidArgumentException("PdeGrid: need rows, cols, coordDim > 0, " + rows + " * " + cols + " * "
                    + coordDim + " coordinates and period >= 0, got " + coordinates.length + " coordinates, period " + period);
        }
    }

    /** The nodes of [-halfWidth, halfWidth]^2, n per side, both ends included (spacing 2 halfWidth / (n - 1)). */
    public static PdeGrid plane(int n, double halfWidth) {
        if (n < 3 || !(halfWidth > 0)) {
            throw new InvalidArgumentException("PdeGrid.plane: need n >= 3 and halfWidth > 0, got " + n + ", " + halfWidth);
        }
        double h = 2 * halfWidth / (n - 1);
        double[] c = new double[n * n * 2];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                c[2 * (i * n + j)] = -halfWidth + i * h;
                c[2 * (i * n + j) + 1] = -halfWidth + j * h;
            }
        }
        return new PdeGrid(n, n, 2, c, 0);
    }

    /** The n x n nodes (i / n, j / n) of the unit torus. */
    public static PdeGrid torus(int n) {
        if (n < 4 || n % 2 != 0) {
            throw new InvalidArgumentException("PdeGrid.torus: need an even n >= 4, got " + n);
        }
        double[] c = new double[n * n * 2];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                c[2 * (i * n + j)] = (double) i / n;
                c[2 * (i * n + j) + 1] = (double) j / n;
            }
        }
        return new PdeGrid(n, n, 2, c, 1.0);
    }

    /** The latitude/longitude grid of unit vectors: {@code latitudes} colatitude rows, {@code longitudes} columns. */
    public static PdeGrid sphere(int latitudes, int longitudes) {
        if (latitudes < 2 || longitudes < 3) {
            throw new InvalidArgumentException("PdeGrid.sphere: need >= 2 latitudes and >= 3 longitudes, got " + latitudes
                    + ", " + longitudes);
        }
        double[] c = new double[latitudes * longitudes * 3];
        for (int j = 0; j < latitudes; j++) {
            double theta = colatitude(j, latitudes);
            for (int k = 0; k < longitudes; k++) {
                double phi = longitude(k, longitudes);
                int p = 3 * (j * longitudes + k);
                c[p] = Math.sin(theta) * Math.cos(phi);
                c[p + 1] = Math.sin(theta) * Math.sin(phi);
                c[p + 2] = Math.cos(theta);
            }
        }
        return new PdeGrid(latitudes, longitudes, 3, c, 0);
    }

    /** Colatitude of row j of a sphere grid with {@code rows} rows. */
    static double colatitude(int j, int rows) {
        return Math.PI * (j + 0.5) / rows;
    }

    /** Longitude of column k of a sphere grid with {@code cols} columns. */
    static double longitude(int k, int cols) {
        return 2 * Math.PI * k / cols;
    }

    /** The number of points P. */
    public int points() {
        return rows * cols;
    }

    /** Whether the coordinates are periodic (the torus). */
    public boolean periodic() {
        return period > 0;
    }

    /** Coordinate {@code d} of point {@code p}. */
    public double coordinate(int p, int d) {
        return coordinates[p * coordDim + d];
    }

    /** The coordinates as a float32 tensor {@code [P, coordDim]}. */
    public Tensor coordinateTensor() {
        return Tensors.of(coordinates, DType.FLOAT32, points(), coordDim);
    }

    @Override
    public String toString() {
        return "PdeGrid[" + rows + "x" + cols + ", " + coordDim + "D coordinates" + (periodic() ? ", period " + period : "") + "]";
    }
}
