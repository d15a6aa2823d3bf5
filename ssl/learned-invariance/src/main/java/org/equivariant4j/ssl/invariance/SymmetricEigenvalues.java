package org.equivariant4j.ssl.invariance;

import java.util.Arrays;

/**
 * Eigenvalues of a small symmetric matrix by cyclic Jacobi rotations (Golub & Van Loan, algorithm 8.4.3): exact to
 * rounding for the K x K Gram matrices of input Jacobians ({@link InputSensitivity}), where K is a number of classes.
 */
final class SymmetricEigenvalues {
    private static final int MAX_SWEEPS = 100;

    private SymmetricEigenvalues() {
    }

    /** The eigenvalues of the symmetric {@code k x k} matrix {@code a} (row-major, not modified), in descending order. */
    static double[] of(double[] a, int k) {
        double[] m = a.clone();
        for (int sweep = 0; sweep < MAX_SWEEPS && offDiagonal(m, k) > 1e-30 * Math.max(1e-300, diagonal(m, k)); sweep++) {
            for (int p = 0; p < k - 1; p++) {
                for (int q = p + 1; q < k; q++) {
                    rotate(m, k, p, q);
                }
            }
        }
        double[] out = new double[k];
        for (int i = 0; i < k; i++) {
            out[i] = m[i * k + i];
        }
        Arrays.sort(out);
        for (int i = 0; i < k / 2; i++) {
            double t = out[i];
            out[i] = out[k - 1 - i];
            out[k - 1 - i] = t;
        }
        return out;
    }

    /** Zeroes entry (p, q) by a rotation applied on both sides. */
    private static void rotate(double[] m, int k, int p, int q) {
        double apq = m[p * k + q];
        if (apq == 0) {
            return;
        }
        double theta = (m[q * k + q] - m[p * k + p]) / (2 * apq);
        double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        if (theta == 0) {
            t = 1;
        }
        double c = 1 / Math.sqrt(t * t + 1);
        double s = t * c;
        for (int r = 0; r < k; r++) {
            double mrp = m[r * k + p];
            double mrq = m[r * k + q];
            m[r * k + p] = c * mrp - s * mrq;
            m[r * k + q] = s * mrp + c * mrq;
        }
        for (int r = 0; r < k; r++) {
            double mpr = m[p * k + r];
            double mqr = m[q * k + r];
            m[p * k + r] = c * mpr - s * mqr;
            m[q * k + r] = s * mpr + c * mqr;
        }
    }

    private static double offDiagonal(double[] m, int k) {
        double s = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                if (i != j) {
                    s += m[i * k + j] * m[i * k + j];
                }
            }
        }
        return s;
    }

    private static double diagonal(double[] m, int k) {
        double s = 0;
        for (int i = 0; i < k; i++) {
            s += m[i * k + i] * m[i * k + i];
        }
        return s;
    }
}
