package org.equivariant4j.fields.enf.pde;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.groups.SphericalHarmonics;

/**
 * Heat diffusion {@code du/dt = D Δ_S2 u} on the unit sphere, solved exactly in spherical harmonics: a field with
 * real harmonic coefficients {@code a_lm} (the order of {@link SphericalHarmonics}: degree l, then m = -l..l, so
 * {@code a_lm} is entry {@code l^2 + l + m}) is {@code Σ a_lm exp(-D l (l + 1) t) Y_lm} at time t. The only error is
 * truncation at the degree the coefficients stop at.
 *
 * <p>Evaluation on a {@link PdeGrid#sphere} latitude/longitude grid is separable: {@code Y_l,±m(θ, φ) = Λ_lm(θ)
 * (cos mφ, sin mφ)}, where the latitude factor {@code Λ_lm(θ)} is Y_lm itself at longitude 0, taken from
 * {@link SphericalHarmonics} once per row; then a sum over l per (row, m) and over m per point.
 */
public final class SphereHeatSolver {
    private final int rows;
    private final int cols;
    private final int degree;
    private final double diffusivity;
    /** Λ_lm(θ_j) at {@code [j][l (l + 1) / 2 + m]}, m = 0..l. */
    private final double[] latitude;
    /** cos(m φ_k) and sin(m φ_k) at {@code [k][m]}. */
    private final double[] cos;
    private final double[] sin;

    public SphereHeatSolver(int rows, int cols, int degree, double diffusivity) {
        if (rows < 2 || cols < 3 || degree < 0 || !(diffusivity >= 0)) {
            throw new InvalidArgumentException("SphereHeatSolver: need >= 2 rows, >= 3 columns, degree >= 0 and diffusivity"
                    + " >= 0, got " + rows + ", " + cols + ", " + degree + ", " + diffusivity);
        }
        this.rows = rows;
        this.cols = cols;
        this.degree = degree;
        this.diffusivity = diffusivity;
        int packed = (degree + 1) * (degree + 2) / 2;
        this.latitude = new double[rows * packed];
        for (int j = 0; j < rows; j++) {
            double theta = PdeGrid.colatitude(j, rows);
            for (int l = 0; l <= degree; l++) {
                double[] y = SphericalHarmonics.evaluate(l, Math.sin(theta), 0, Math.cos(theta));
                for (int m = 0; m <= l; m++) {
                    latitude[j * packed + l * (l + 1) / 2 + m] = y[l + m];
                }
            }
        }
        this.cos = new double[cols * (degree + 1)];
        this.sin = new double[cols * (degree + 1)];
        for (int k = 0; k < cols; k++) {
            double phi = PdeGrid.longitude(k, cols);
            for (int m = 0; m <= degree; m++) {
                cos[k * (degree + 1) + m] = Math.cos(m * phi);
                sin[k * (degree + 1) + m] = Math.sin(m * phi);
            }
        }
    }

    /** The highest degree l kept. */
    public int degree() {
        return degree;
    }

    /** Number of coefficients, {@code (degree + 1)^2}. */
    public int coefficients() {
        return (degree + 1) * (degree + 1);
    }

    /** Writes the field of {@code coefficients} at time {@code time} on the grid ({@code rows * cols} values at offset). */
    public void evaluateOnGrid(double[] coefficients, double time, double[] out, int offset) {
        checkCoefficients(coefficients);
        int packed = (degree + 1) * (degree + 2) / 2;
        double[] decay = decay(time);
        double[] even = new double[degree + 1];
        double[] odd = new double[degree + 1];
        for (int j = 0; j < rows; j++) {
            java.util.Arrays.fill(even, 0);
            java.util.Arrays.fill(odd, 0);
            for (int l = 0; l <= degree; l++) {
                int base = l * l + l;
                for (int m = 0; m <= l; m++) {
                    double lat = decay[l] * latitude[j * packed + l * (l + 1) / 2 + m];
                    even[m] += coefficients[base + m] * lat;
                    if (m > 0) {
                        odd[m] += coefficients[base - m] * lat;
                    }
                }
            }
            for (int k = 0; k < cols; k++) {
                double v = 0;
                for (int m = 0; m <= degree; m++) {
                    v += even[m] * cos[k * (degree + 1) + m] + odd[m] * sin[k * (degree + 1) + m];
                }
                out[offset + j * cols + k] = v;
            }
        }
    }

    /** The field of {@code coefficients} at time {@code time} at the direction (x, y, z), off the grid. */
    public double evaluate(double[] coefficients, double time, double x, double y, double z) {
        checkCoefficients(coefficients);
        double[] decay = decay(time);
        double v = 0;
        for (int l = 0; l <= degree; l++) {
            double[] harmonic = SphericalHarmonics.evaluate(l, x, y, z);
            for (int m = -l; m <= l; m++) {
                v += decay[l] * coefficients[l * l + l + m] * harmonic[l + m];
            }
        }
        return v;
    }

    /**
     * Adds to {@code coefficients} those of a zonal bump centred at the unit vector {@code centre}: a field that
     * depends only on the angle to the centre, given by its Legendre coefficients {@code f_l = 2π ∫ g P_l}
     * ({@link ZonalProfile}). By the addition theorem its harmonic coefficients are {@code f_l Y_lm(centre)}.
     */
    public void addZonal(double[] profileLegendre, double[] centre, double[] coefficients) {
        checkCoefficients(coefficients);
        if (profileLegendre.length < degree + 1) {
            throw new InvalidArgumentException("SphereHeatSolver.addZonal: need " + (degree + 1) + " Legendre coefficients,"
                    + " got " + profileLegendre.length);
        }
        for (int l = 0; l <= degree; l++) {
            double[] y = SphericalHarmonics.evaluate(l, centre);
            for (int m = -l; m <= l; m++) {
                coefficients[l * l + l + m] += profileLegendre[l] * y[l + m];
            }
        }
    }

    private double[] decay(double time) {
        double[] decay = new double[degree + 1];
        for (int l = 0; l <= degree; l++) {
            decay[l] = Math.exp(-diffusivity * l * (l + 1) * time);
        }
        return decay;
    }

    private void checkCoefficients(double[] coefficients) {
        if (coefficients.length != coefficients()) {
            throw new InvalidArgumentException("SphereHeatSolver: need (degree + 1)^2 = " + coefficients()
                    + " coefficients, got " + coefficients.length);
        }
    }
}
