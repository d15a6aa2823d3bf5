package org.equivariant4j.fields.enf.pde;

import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Tensors;

/**
 * Real FFTs of batches of n x n fields on the unit torus, through the project's {@code Tensor.rfft / irfft} in
 * float64, and the wavenumbers of their half spectra: a field {@code [batch, n, n]} (first index x, second y) has
 * the spectrum {@code [batch, n, n/2 + 1, 2]} (kx along the first spectral axis with the negative frequencies in its
 * upper half, ky = 0 .. n/2 along the second, then real and imaginary parts).
 */
final class TorusSpectra {
    private final int n;
    private final int half;

    TorusSpectra(int n) {
        this.n = n;
        this.half = n / 2 + 1;
    }

    int size() {
        return n;
    }

    /** n / 2 + 1: the bins of the last spectral axis. */
    int half() {
        return half;
    }

    /** The unnormalised spectrum of {@code batch} fields. */
    double[] forward(double[] fields, int batch) {
        return Tensors.of(fields, DType.FLOAT64, batch, n, n).rfft(2).toDoubleArray();
    }

    /** The {@code batch} fields of these half spectra (the inverse of {@link #forward}, normalised by 1 / n^2). */
    double[] inverse(double[] spectra, int batch) {
        return Tensors.of(spectra, DType.FLOAT64, batch, n, half, 2).irfft(n, n).toDoubleArray();
    }

    /** The angular wavenumber 2π kx of spectral row i. */
    double kx(int i) {
        return 2 * Math.PI * (i <= n / 2 ? i : i - n);
    }

    /** The angular wavenumber 2π ky of spectral column j. */
    double ky(int j) {
        return 2 * Math.PI * j;
    }

    /** Whether row i or column j is a Nyquist bin (its derivative has no real counterpart and is set to zero). */
    boolean nyquist(int i, int j) {
        return i == n / 2 || j == n / 2;
    }
}
