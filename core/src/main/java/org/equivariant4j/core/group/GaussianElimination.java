package org.equivariant4j.core.group;

/**
 * Determinant and inverse of a small dense square matrix (row-major, n x n) by elimination with partial
 * pivoting: enough for changes of basis and checks on rotation matrices, with no linear-algebra library in
 * core.
 */
final class GaussianElimination {
    private GaussianElimination() {
    }

    /** det(a), by LU decomposition; a is not modified. */
    static double determinant(int n, double[] matrix) {
        double[] a = matrix.clone();
        double det = 1;
        for (int col = 0; col < n; col++) {
            int pivot = pivotRow(a, n, col);
            if (a[pivot * n + col] == 0.0) {
                return 0.0;
            }
            if (pivot != col) {
                swapRows(a, n, pivot, col);
                det = -det;
            }
            double p = a[col * n + col];
            det *= p;
            for (int r = col + 1; r < n; r++) {
                double f = a[r * n + col] / p;
                for (int k = col; k < n; k++) {
                    a[r * n + k] -= f * a[col * n + k];
                }
            }
        }
        return det;
    }

    /**
     * a⁻¹ by Gauss-Jordan elimination, or null when a pivot falls below 1e-14 times {@code scale} (the
     * largest absolute entry): singular to working precision. a is not modified.
     */
    static double[] inverse(int n, double[] matrix, double scale) {
        double[] a = matrix.clone();
        double[] inv = new double[n * n];
        for (int i = 0; i < n; i++) {
            inv[i * n + i] = 1.0;
        }
        for (int col = 0; col < n; col++) {
            int pivot = pivotRow(a, n, col);
            if (Math.abs(a[pivot * n + col]) <= 1e-14 * Math.max(scale, Double.MIN_NORMAL)) {
                return null;
            }
            swapRows(a, n, pivot, col);
            swapRows(inv, n, pivot, col);
            double p = a[col * n + col];
            for (int k = 0; k < n; k++) {
                a[col * n + k] /= p;
                inv[col * n + k] /= p;
            }
            for (int r = 0; r < n; r++) {
                double f = a[r * n + col];
                if (r == col || f == 0.0) {
                    continue;
                }
                for (int k = 0; k < n; k++) {
                    a[r * n + k] -= f * a[col * n + k];
                    inv[r * n + k] -= f * inv[col * n + k];
                }
            }
        }
        return inv;
    }

    private static int pivotRow(double[] a, int n, int col) {
        int best = col;
        for (int r = col + 1; r < n; r++) {
            if (Math.abs(a[r * n + col]) > Math.abs(a[best * n + col])) {
                best = r;
            }
        }
        return best;
    }

    private static void swapRows(double[] a, int n, int r1, int r2) {
        if (r1 == r2) {
            return;
        }
        for (int k = 0; k < n; k++) {
            double t = a[r1 * n + k];
            a[r1 * n + k] = a[r2 * n + k];
            a[r2 * n + k] = t;
        }
    }
}
