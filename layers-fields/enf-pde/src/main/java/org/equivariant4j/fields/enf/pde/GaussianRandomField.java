package org.equivariant4j.fields.enf.pde;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.tensor.Rng;

/**
 * Zero-mean Gaussian random fields on the unit torus with covariance operator {@code σ^2 (-Δ + τ^2)^(-α)}, the
 * initial vorticity of the Navier-Stokes data (α = 2.5, τ = 7 as in the reference, σ = τ^(α - 1)): each Fourier
 * mode k ≠ 0 gets an independent complex Gaussian amplitude of variance {@code σ^2 (4π^2 |k|^2 + τ^2)^(-α)}, paired
 * with its conjugate at -k so the field is real; the mean and the Nyquist modes are zero.
 */
public final class GaussianRandomField {
    private final TorusSpectra spectra;
    private final double[] amplitude;

    public GaussianRandomField(int n, double alpha, double tau) {
        if (n < 4 || n % 2 != 0 || !(alpha > 1) || !(tau > 0)) {
            throw new InvalidArgumentException("GaussianRandomField: need an even n >= 4, alpha > 1 and tau > 0, got " + n
                    + ", " + alpha + ", " + tau);
        }
        this.spectra = new TorusSpectra(n);
        int half = spectra.half();
        double sigma = Math.pow(tau, alpha - 1);
        this.amplitude = new double[n * half];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < half; j++) {
                double kx = spectra.kx(i);
                double ky = spectra.ky(j);
                double k2 = kx * kx + ky * ky;
                // n^2 undoes the 1/n^2 of the inverse transform: the amplitudes are those of the field's Fourier series.
                amplitude[i * half + j] = k2 == 0 || spectra.nyquist(i, j) ? 0
                        : (double) n * n * sigma * Math.pow(k2 + tau * tau, -alpha / 2);
            }
        }
    }

    /** One field per stream ({@code [rngs.length, n, n]}); field k draws only from {@code rngs[k]}. */
    public double[] sample(Rng... rngs) {
        int n = spectra.size();
        int half = spectra.half();
        int bins = n * half;
        double[] spectrum = new double[rngs.length * bins * 2];
        for (int b = 0; b < rngs.length; b++) {
            for (int bin = 0; bin < bins; bin++) {
                double scale = amplitude[bin] / Math.sqrt(2);
                spectrum[2 * (b * bins + bin)] = scale * rngs[b].nextGaussian();
                spectrum[2 * (b * bins + bin) + 1] = scale * rngs[b].nextGaussian();
            }
            // The ky = 0 column holds kx and -kx both: make them conjugate so the field is real.
            for (int i = n / 2 + 1; i < n; i++) {
                int mirror = 2 * (b * bins + (n - i) * half);
                int at = 2 * (b * bins + i * half);
                spectrum[at] = spectrum[mirror];
                spectrum[at + 1] = -spectrum[mirror + 1];
            }
        }
        return spectra.inverse(spectrum, rngs.length);
    }
}
