package org.equivariant4j.gconv.se3;

/**
 * The linear map that rotates a cubic k×k×k kernel by every rotation of a grid, by trilinear
 * interpolation: rotated kernel i at offset p is the kernel at g_i⁻¹ p (zero outside the cube), restricted
 * to the ball of radius k/2 so that rotating never cuts a kernel's corners off. Built once as a dense
 * {@code [k³, size·k³]} matrix (the transposed interpolation weights) so that all rotations of all
 * kernels are ONE matmul: {@code weights [*, k³] · M = rotated [*, size·k³]}. For a rotation that maps
 * the voxel lattice onto itself (the octahedral group) the weights are one-hot: an exact permutation.
 */
final class KernelRotation {
    private KernelRotation() {
    }

    /** Offsets inside the ball of radius k/2 (the kernel's support). */
    static boolean inBall(int a, int b, int c, int k) {
        double h = (k - 1) / 2.0;
        double r2 = (a - h) * (a - h) + (b - h) * (b - h) + (c - h) * (c - h);
        return r2 <= (k / 2.0) * (k / 2.0) + 1e-9;
    }

    /** Number of kernel offsets inside the ball. */
    static int support(int k) {
        int n = 0;
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                for (int c = 0; c < k; c++) {
                    n += inBall(a, b, c, k) ? 1 : 0;
                }
            }
        }
        return n;
    }

    /** {@code [k³, n·k³]} (row: source offset; column: rotation i, target offset) as a {@link Constant}. */
    static Constant matrix(RotationGrid grid, int k) {
        int k3 = k * k * k;
        int n = grid.size();
        double[] m = new double[k3 * n * k3];
        double h = (k - 1) / 2.0;
        for (int i = 0; i < n; i++) {
            double[] r = grid.matrix(i);
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    for (int c = 0; c < k; c++) {
                        if (!inBall(a, b, c, k)) {
                            continue;
                        }
                        double[] p = {a - h, b - h, c - h};
                        // g⁻¹ p = rᵀ p, back to index coordinates
                        double[] q = new double[3];
                        for (int d = 0; d < 3; d++) {
                            q[d] = r[d] * p[0] + r[3 + d] * p[1] + r[6 + d] * p[2] + h;
                        }
                        int column = i * k3 + (a * k + b) * k + c;
                        addTrilinear(m, n * k3, column, q, k);
                    }
                }
            }
        }
        return new Constant(m, k3, n * k3);
    }

    private static void addTrilinear(double[] m, int stride, int column, double[] q, int k) {
        int[] lo = new int[3];
        double[] t = new double[3];
        for (int d = 0; d < 3; d++) {
            double rounded = Math.rint(q[d]);
            // Snap float noise so that lattice-preserving rotations give exact one-hot weights.
            double v = Math.abs(q[d] - rounded) < 1e-9 ? rounded : q[d];
            lo[d] = (int) Math.floor(v);
            t[d] = v - lo[d];
        }
        for (int corner = 0; corner < 8; corner++) {
            double w = 1;
            int[] idx = new int[3];
            for (int d = 0; d < 3; d++) {
                int bit = (corner >> (2 - d)) & 1;
                idx[d] = lo[d] + bit;
                w *= bit == 1 ? t[d] : 1 - t[d];
            }
            if (w == 0 || idx[0] < 0 || idx[1] < 0 || idx[2] < 0 || idx[0] >= k || idx[1] >= k || idx[2] >= k) {
                continue;
            }
            int row = (idx[0] * k + idx[1]) * k + idx[2];
            m[row * stride + column] += w;
        }
    }
}
