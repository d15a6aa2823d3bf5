package org.equivariant4j.groups;

import org.equivariant4j.core.error.InvalidArgumentException;

/**
 * Real spherical harmonics Y_l of any degree l, computed in-house (associated Legendre recurrences in
 * Cartesian form, no native code), consistent with {@link WignerD}: {@code Y_l(R x) = D_l(R) Y_l(x)}.
 *
 * <p>Conventions, fixed so signs are deterministic: components ordered m = -l..l; orthonormal on the
 * unit sphere ({@code ∫ Y_lm Y_lm' dΩ = δ_mm'}); no Condon-Shortley phase; for m > 0,
 * {@code Y_lm ∝ P_l^m(z) Re (x + iy)^m} and {@code Y_l,-m ∝ P_l^m(z) Im (x + iy)^m}. So l = 1 is
 * {@code sqrt(3 / 4π) (y, z, x)}. The input direction is normalised first (only its direction matters).
 */
public final class SphericalHarmonics {
    private SphericalHarmonics() {
    }

    /** Y_l at the direction of {@code v} (a non-zero 3-vector): 2l + 1 values, m = -l..l. */
    public static double[] evaluate(int l, double[] v) {
        if (v.length != 3) {
            throw new InvalidArgumentException("spherical harmonics need a 3-vector, got length " + v.length);
        }
        return evaluate(l, v[0], v[1], v[2]);
    }

    /** Y_l at the direction of (x, y, z) (not all zero): 2l + 1 values, m = -l..l. */
    public static double[] evaluate(int l, double x, double y, double z) {
        if (l < 0) {
            throw new InvalidArgumentException("spherical harmonic degree must be >= 0, was " + l);
        }
        double r = Math.sqrt(x * x + y * y + z * z);
        if (!(r > 0) || !Double.isFinite(r)) {
            throw new InvalidArgumentException("spherical harmonics need a finite non-zero direction, got (" + x + ","
                    + y + "," + z + ")");
        }
        x /= r;
        y /= r;
        z /= r;
        double[] out = new double[2 * l + 1];
        // (x + iy)^m, built up one power at a time.
        double re = 1;
        double im = 0;
        for (int m = 0; m <= l; m++) {
            double q = legendreQuotient(l, m, z);
            double norm = normalisation(l, m);
            if (m == 0) {
                out[l] = norm * q;
            } else {
                out[l + m] = Math.sqrt(2) * norm * q * re;
                out[l - m] = Math.sqrt(2) * norm * q * im;
            }
            double nextRe = re * x - im * y;
            im = re * y + im * x;
            re = nextRe;
        }
        return out;
    }

    /** Y_0, ..., Y_lmax concatenated: (lmax + 1)^2 values. */
    public static double[] evaluateUpTo(int lmax, double[] v) {
        double[] out = new double[(lmax + 1) * (lmax + 1)];
        int offset = 0;
        for (int l = 0; l <= lmax; l++) {
            double[] y = evaluate(l, v);
            System.arraycopy(y, 0, out, offset, y.length);
            offset += y.length;
        }
        return out;
    }

    /**
     * P_l^m(z) / (1 - z^2)^(m/2), a polynomial in z, without the Condon-Shortley phase. Dividing out the
     * (1 - z^2)^(m/2) factor (it reappears as |x + iy|^m) avoids the poles of the angular form.
     */
    private static double legendreQuotient(int l, int m, double z) {
        double pmm = 1; // (2m - 1)!!
        for (int k = 1; k <= m; k++) {
            pmm *= 2 * k - 1;
        }
        if (l == m) {
            return pmm;
        }
        double pm1 = (2 * m + 1) * z * pmm;
        if (l == m + 1) {
            return pm1;
        }
        double prev = pmm;
        double cur = pm1;
        for (int k = m + 2; k <= l; k++) {
            double next = ((2 * k - 1) * z * cur - (k + m - 1) * prev) / (k - m);
            prev = cur;
            cur = next;
        }
        return cur;
    }

    /** sqrt((2l + 1) / 4π · (l - m)! / (l + m)!). */
    private static double normalisation(int l, int m) {
        double ratio = 1;
        for (int k = l - m + 1; k <= l + m; k++) {
            ratio /= k;
        }
        return Math.sqrt((2 * l + 1) / (4 * Math.PI) * ratio);
    }
}
