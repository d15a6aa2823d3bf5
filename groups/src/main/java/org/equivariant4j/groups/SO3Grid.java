package org.equivariant4j.groups;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Deterministic uniform grids on SO(3) of any size.
 *
 * <p>Starts from the super-Fibonacci spiral (Alexa, CVPR 2022), which is already well spread for every n,
 * then improves the spacing with a fixed number of repulsion steps: each unit quaternion is pushed away
 * from its neighbours (taking the nearer of ±q, since q and -q are one rotation) by the gradient of a
 * Riesz energy sum 1/d^s (s = 4 > dim SO(3) = 3, which makes the energy local so the refinement evens out
 * neighbours), projected onto the sphere, with a step that shrinks linearly to zero. No random
 * numbers are used, so the grid is the same on every machine. Finally the grid is rotated so that its
 * first element is the identity (an isometry: the spacing is unchanged).
 */
final class SO3Grid {
    /** psi with psi^4 = psi + 4, the second irrational of the super-Fibonacci construction. */
    private static final double PSI = 1.533751168755204288118041;
    private static final double PHI = Math.sqrt(2.0);
        private static final int ITERATIONS = 40;

    private SO3Grid() {
    }

    /** n unit quaternions, the identity first. */
    static List<Quaternion> quaternions(int n) {
        double[][] q = superFibonacci(n);
        if (n > 1) {
            repel(q);
        }
        Quaternion first = Quaternion.of(q[0][0], q[0][1], q[0][2], q[0][3]).normalized();
        Quaternion toIdentity = first.conjugate();
        List<Quaternion> out = new ArrayList<>(n);
        for (double[] p : q) {
            out.add(toIdentity.multiply(Quaternion.of(p[0], p[1], p[2], p[3])).normalized().canonical());
        }
        out.set(0, Quaternion.identity());
        return out;
    }

    private static double[][] superFibonacci(int n) {
        double[][] q = new double[n][];
        for (int i = 0; i < n; i++) {
            double s = i + 0.5;
            double r = Math.sqrt(s / n);
            double big = Math.sqrt(1.0 - s / n);
            double alpha = 2 * Math.PI * s / PHI;
            double beta = 2 * Math.PI * s / PSI;
            q[i] = new double[] {r * Math.sin(alpha), r * Math.cos(alpha), big * Math.sin(beta), big * Math.cos(beta)};
        }
        return q;
    }

    private static void repel(double[][] q) {
        int n = q.length;
        // Typical nearest-neighbour distance: SO(3) as half of S^3 has volume pi^2.
        double spacing = Math.cbrt(Math.PI * Math.PI / n);
        double[][] force = new double[n][4];
        for (int it = 0; it < ITERATIONS; it++) {
            double step = 0.25 * spacing * (1.0 - (double) it / ITERATIONS);
            for (double[] f : force) {
                Arrays.fill(f, 0.0);
            }
            for (int i = 0; i < n; i++) {
                double[] a = q[i];
                for (int j = i + 1; j < n; j++) {
                    double[] b = q[j];
                    double dot = a[0] * b[0] + a[1] * b[1] + a[2] * b[2] + a[3] * b[3];
                    double sign = dot >= 0 ? 1 : -1; // compare with the nearer of +q_j and -q_j
                    double d0 = a[0] - sign * b[0];
                    double d1 = a[1] - sign * b[1];
                    double d2 = a[2] - sign * b[2];
                    double d3 = a[3] - sign * b[3];
                    double r2 = Math.max(d0 * d0 + d1 * d1 + d2 * d2 + d3 * d3, 1e-24);
                    double w = 1.0 / (r2 * r2 * r2); // |d|^-(s+2) with s = 4
                    force[i][0] += w * d0;
                    force[i][1] += w * d1;
                    force[i][2] += w * d2;
                    force[i][3] += w * d3;
                    force[j][0] -= sign * w * d0;
                    force[j][1] -= sign * w * d1;
                    force[j][2] -= sign * w * d2;
                    force[j][3] -= sign * w * d3;
                }
            }
            for (int i = 0; i < n; i++) {
                double radial = 0;
                for (int k = 0; k < 4; k++) {
                    radial += force[i][k] * q[i][k];
                }
                double norm = 0;
                for (int k = 0; k < 4; k++) {
                    force[i][k] -= radial * q[i][k]; // tangent to the sphere
                    norm += force[i][k] * force[i][k];
                }
                norm = Math.sqrt(norm);
                if (norm == 0) {
                    continue;
                }
                // Normalised direction: the step length, not the energy's scale, controls the update.
                double len = 0;
                for (int k = 0; k < 4; k++) {
                    q[i][k] += step * force[i][k] / norm;
                    len += q[i][k] * q[i][k];
                }
                len = Math.sqrt(len);
                for (int k = 0; k < 4; k++) {
                    q[i][k] /= len;
                }
            }
        }
    }
}
