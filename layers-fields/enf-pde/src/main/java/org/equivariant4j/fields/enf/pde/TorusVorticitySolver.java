package org.equivariant4j.fields.enf.pde;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.NumericalAnomalyException;

/**
 * Two-dimensional incompressible Navier-Stokes in vorticity form on the unit torus [0, 1)^2,
 * {@code dω/dt + u · ∇ω = ν Δω + f}, {@code u = (∂ψ/∂y, -∂ψ/∂x)}, {@code -Δψ = ω}: pseudo-spectral on an n x n
 * grid (derivatives exact in Fourier space, the product u · ∇ω formed on the grid and its spectrum truncated by the
 * 2/3 rule: modes with |kx| or |ky| above 2/3 of n/2 are dropped, so quadratic aliasing cannot feed back). Time:
 * fourth-order Runge-Kutta with an integrating factor, {@code exp(-ν |k|^2 t)} applied exactly to the viscous term
 * and RK4 to the rest, so a viscous mode decays exactly and the step is limited by advection only.
 *
 * <p>An explicit step is stable only while the flow moves less than a fraction of a grid spacing per step: each
 * step checks the Courant number {@code max |u| h n} of its first stage and throws a
 * {@link NumericalAnomalyException} above {@value #MAX_COURANT}, RK4's stability limit for these wavenumbers, asking
 * for a smaller step, instead of returning a blown-up field. Not thread-safe. (Measured: the reference flow keeps
 * max |u| near 0.25, a Courant number of 0.3 to 0.4 at the toy and reference steps.)
 *
 * <p>Checked in the tests: the nonlinear term against a closed form, Taylor-Green decay (exact), conservation of the
 * mean vorticity, fourth-order convergence in the step, and equivariance to the grid's quarter turns.
 */
public final class TorusVorticitySolver {
    /**
     * The advection eigenvalues are {@code i (u kx + v ky)}, at most {@code 2 max|u| (2π/3) n} in size with the
     * dealiased wavenumbers |k| <= (2/3)(n/2) 2π, and RK4 is stable on the imaginary axis up to 2.83: so the step is
     * stable while {@code max|u| h n <= 2.83 / (4π/3) = 0.675}.
     */
    static final double MAX_COURANT = 0.675;

    private final TorusSpectra spectra;
    private final double viscosity;
    private final double step;
    private final double[] forcing;
    private final boolean[] kept;
    /** The largest |u| or |v| on the grid in the last {@link #advection} call. */
    private double lastMaxSpeed;

    /**
     * @param forcing the forcing f on the grid ({@code n * n} values, time independent)
     * @param step the largest time step (the CFL limit of the flow: |u| step n below about 1)
     */
    public TorusVorticitySolver(int n, double viscosity, double[] forcing, double step) {
        if (n < 4 || n % 2 != 0 || !(viscosity >= 0) || forcing.length != n * n || !(step > 0)) {
            throw new InvalidArgumentException("TorusVorticitySolver: need an even n >= 4, viscosity >= 0, n * n forcing"
                    + " values and step > 0, got n " + n + ", viscosity " + viscosity + ", " + forcing.length
                    + " forcing values, step " + step);
        }
        this.spectra = new TorusSpectra(n);
        this.viscosity = viscosity;
        this.step = step;
        this.forcing = spectra.forward(forcing, 1);
        int half = spectra.half();
        this.kept = new boolean[n * half];
        double limit = 2.0 / 3.0 * (n / 2);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < half; j++) {
                kept[i * half + j] = Math.abs(i <= n / 2 ? i : i - n) <= limit && j <= limit;
            }
        }
    }

    /** The largest |u| or |v| on the grid at the last stage evaluated (0 before any). */
    double maxSpeed() {
        return lastMaxSpeed;
    }

    /** Advances each of the {@code batch} vorticity fields ({@code [batch, n, n]}) by {@code time}, in place. */
    public void advance(double[] fields, int batch, double time) {
        int n = spectra.size();
        if (fields.length != batch * n * n || !(time >= 0)) {
            throw new InvalidArgumentException("TorusVorticitySolver.advance: need " + batch + " x " + n + " x " + n
                    + " values and time >= 0, got " + fields.length + ", time " + time);
        }
        if (time == 0 || batch == 0) {
            return;
        }
        int steps = (int) Math.ceil(time / step - 1e-9);
        double h = time / steps;
        double[] w = spectra.forward(fields, batch);
        double[] decay = decay(h / 2);
        for (int s = 0; s < steps; s++) {
            w = rungeKuttaStep(w, batch, h, decay);
        }
        System.arraycopy(spectra.inverse(w, batch), 0, fields, 0, fields.length);
    }

    /** {@code exp(-ν |k|^2 t)} per spectral bin. */
    private double[] decay(double t) {
        int n = spectra.size();
        int half = spectra.half();
        double[] e = new double[n * half];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < half; j++) {
                double kx = spectra.kx(i);
                double ky = spectra.ky(j);
                e[i * half + j] = Math.exp(-viscosity * (kx * kx + ky * ky) * t);
            }
        }
        return e;
    }

    /** One integrating-factor RK4 step: the stages are moved by {@code e = exp(-ν k^2 h / 2)} between stage times. */
    private double[] rungeKuttaStep(double[] w, int batch, double h, double[] e) {
        int bins = e.length;
        double[] a = rhs(w, batch);
        double courant = lastMaxSpeed * h * spectra.size();
        if (!(courant <= MAX_COURANT)) {
            throw new NumericalAnomalyException(String.format(java.util.Locale.ROOT, "TorusVorticitySolver: Courant number"
                    + " %.3g (max speed %.3g, step %.3g, n %d) exceeds %.1f; use a smaller step", courant, lastMaxSpeed, h,
                    spectra.size(), MAX_COURANT));
        }
        double[] stage = new double[w.length];
        for (int q = 0; q < w.length; q++) {
            stage[q] = e[(q >> 1) % bins] * (w[q] + h / 2 * a[q]);
        }
        double[] b = rhs(stage, batch);
        for (int q = 0; q < w.length; q++) {
            stage[q] = e[(q >> 1) % bins] * w[q] + h / 2 * b[q];
        }
        double[] c = rhs(stage, batch);
        for (int q = 0; q < w.length; q++) {
            double ek = e[(q >> 1) % bins];
            stage[q] = ek * ek * w[q] + h * ek * c[q];
        }
        double[] d = rhs(stage, batch);
        double[] out = new double[w.length];
        for (int q = 0; q < w.length; q++) {
            double ek = e[(q >> 1) % bins];
            out[q] = ek * ek * w[q] + h / 6 * (ek * ek * a[q] + 2 * ek * (b[q] + c[q]) + d[q]);
        }
        return out;
    }

    /** The spectrum of {@code f - u · ∇ω} (dealiased) for the vorticity spectra {@code w}. */
    double[] rhs(double[] w, int batch) {
        double[] advection = advection(w, batch);
        int per = forcing.length;
        for (int q = 0; q < advection.length; q++) {
            advection[q] = forcing[q % per] - advection[q];
        }
        return advection;
    }

    /** The dealiased spectrum of {@code u · ∇ω}: velocity and gradient spectrally, their product on the grid. */
    double[] advection(double[] w, int batch) {
        int n = spectra.size();
        int half = spectra.half();
        int bins = n * half;
        double[] parts = new double[batch * 4 * bins * 2];
        for (int b = 0; b < batch; b++) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < half; j++) {
                    int bin = i * half + j;
                    int at = 2 * (b * bins + bin);
                    double kx = spectra.kx(i);
                    double ky = spectra.ky(j);
                    double k2 = kx * kx + ky * ky;
                    if (k2 == 0 || spectra.nyquist(i, j)) {
                        continue;
                    }
                    double wr = w[at];
                    double wi = w[at + 1];
                    double pr = wr / k2;
                    double pi = wi / k2;
                    // u = i ky ψ, v = -i kx ψ, ω_x = i kx ω, ω_y = i ky ω
                    put(parts, b, 0, bins, bin, -ky * pi, ky * pr);
                    put(parts, b, 1, bins, bin, kx * pi, -kx * pr);
                    put(parts, b, 2, bins, bin, -kx * wi, kx * wr);
                    put(parts, b, 3, bins, bin, -ky * wi, ky * wr);
                }
            }
        }
        double[] grid = spectra.inverse(parts, 4 * batch);
        int points = n * n;
        double[] product = new double[batch * points];
        double speed = 0;
        for (int b = 0; b < batch; b++) {
            int base = 4 * b * points;
            for (int p = 0; p < points; p++) {
                speed = Math.max(speed, Math.max(Math.abs(grid[base + p]), Math.abs(grid[base + points + p])));
                product[b * points + p] = grid[base + p] * grid[base + 2 * points + p]
                        + grid[base + points + p] * grid[base + 3 * points + p];
            }
        }
        lastMaxSpeed = speed;
        double[] out = spectra.forward(product, batch);
        for (int q = 0; q < out.length; q++) {
            if (!kept[(q >> 1) % bins]) {
                out[q] = 0;
            }
        }
        return out;
    }

    private static void put(double[] parts, int b, int channel, int bins, int bin, double re, double im) {
        int at = 2 * ((4 * b + channel) * bins + bin);
        parts[at] = re;
        parts[at + 1] = im;
    }

    /** The grid field of {@code -u · ∇ω} for the vorticity fields {@code [batch, n, n]} (for checks). */
    double[] advectionOnGrid(double[] fields, int batch) {
        double[] a = advection(spectra.forward(fields, batch), batch);
        for (int q = 0; q < a.length; q++) {
            a[q] = -a[q];
        }
        return spectra.inverse(a, batch);
    }
}
