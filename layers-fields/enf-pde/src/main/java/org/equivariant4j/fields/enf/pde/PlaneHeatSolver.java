package org.equivariant4j.fields.enf.pde;

import org.equivariant4j.core.error.InvalidArgumentException;

/**
 * Heat diffusion {@code du/dt = D Δu} on the square [-L, L]^2 with a no-flux (Neumann) boundary, on the n x n
 * nodes of {@link PdeGrid#plane}: the five-point Laplacian (second order in the spacing h, the boundary by
 * mirroring the node beside it, {@code u[-1] = u[1]}) and forward Euler steps of at most half the stability
 * limit {@code h^2 / (4 D)}. The time error is then O(dt) = O(h^2) as well, so the scheme is second order in h
 * (checked against the exact Gaussian solution in the tests). The trapezoid-weighted sum of u is conserved
 * exactly by this discretisation (no flux through the boundary).
 *
 * <p>Works in place on batches of fields {@code [batch, n, n]} in double precision; one scratch field per call.
 */
public final class PlaneHeatSolver {
    private final int n;
    private final double spacing;
    private final double diffusivity;

    public PlaneHeatSolver(int n, double halfWidth, double diffusivity) {
        if (n < 3 || !(halfWidth > 0) || !(diffusivity > 0)) {
            throw new InvalidArgumentException("PlaneHeatSolver: need n >= 3, halfWidth > 0 and diffusivity > 0, got " + n
                    + ", " + halfWidth + ", " + diffusivity);
        }
        this.n = n;
        this.spacing = 2 * halfWidth / (n - 1);
        this.diffusivity = diffusivity;
    }

    /** The node spacing h. */
    public double spacing() {
        return spacing;
    }

    /** The forward Euler stability limit {@code h^2 / (4 D)}. */
    public double stabilityLimit() {
        return spacing * spacing / (4 * diffusivity);
    }

    /** Sub-steps used to advance by {@code time}: the fewest of at most half the stability limit. */
    public int steps(double time) {
        return Math.max(1, (int) Math.ceil(time / (0.5 * stabilityLimit())));
    }

    /** Advances each of the {@code batch} fields in {@code fields} ({@code [batch, n, n]}) by {@code time}. */
    public void advance(double[] fields, int batch, double time) {
        if (fields.length != batch * n * n || !(time >= 0)) {
            throw new InvalidArgumentException("PlaneHeatSolver.advance: need " + batch + " x " + n + " x " + n
                    + " values and time >= 0, got " + fields.length + ", time " + time);
        }
        if (time == 0) {
            return;
        }
        int steps = steps(time);
        double rate = diffusivity * (time / steps) / (spacing * spacing);
        double[] laplacian = new double[n * n];
        for (int b = 0; b < batch; b++) {
            int offset = b * n * n;
            for (int s = 0; s < steps; s++) {
                stencil(fields, offset, laplacian);
                for (int p = 0; p < n * n; p++) {
                    fields[offset + p] += rate * laplacian[p];
                }
            }
        }
    }

    /** h^2 Δu at every node of the field at {@code offset}, mirrored across the boundary. */
    private void stencil(double[] u, int offset, double[] out) {
        for (int i = 0; i < n; i++) {
            int up = i == 0 ? 1 : i - 1;
            int down = i == n - 1 ? n - 2 : i + 1;
            for (int j = 0; j < n; j++) {
                int left = j == 0 ? 1 : j - 1;
                int right = j == n - 1 ? n - 2 : j + 1;
                double c = u[offset + i * n + j];
                out[i * n + j] = u[offset + up * n + j] + u[offset + down * n + j] + u[offset + i * n + left]
                        + u[offset + i * n + right] - 4 * c;
            }
        }
    }
}
