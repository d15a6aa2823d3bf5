package org.equivariant4j.groups;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.group.Matrix;

/**
 * Real Wigner-D matrices D_l(R), the (2l + 1)-dimensional irreps of SO(3) in the basis of the real
 * {@link SphericalHarmonics}: {@code Y_l(R x) = D_l(R) Y_l(x)} holds by construction.
 *
 * <p>Computed as the projection {@code D_l(R)_mn = ∫ Y_lm(R x) Y_ln(x) dΩ} with a quadrature that is exact
 * for polynomials of degree 2l on the sphere (l + 1 Gauss-Legendre nodes in z times 2l + 1 equally spaced
 * azimuths): this is exact up to rounding for any l, needs no Euler-angle conventions, and shares every
 * sign with the spherical harmonics, so the two cannot disagree.
 */
public final class WignerD {
    /** Quadrature rules are precomputed up to this degree and built on demand above it. */
    private static final int CACHED = 12;
    private static final Rule[] RULES = new Rule[CACHED + 1];

    static {
        for (int l = 0; l <= CACHED; l++) {
            RULES[l] = new Rule(l);
        }
    }

    private WignerD() {
    }

    /** D_l(R) for a 3x3 rotation matrix R: an orthogonal (2l + 1) x (2l + 1) matrix. */
    public static Matrix matrix(int l, Matrix rotation) {
        if (l < 0) {
            throw new InvalidArgumentException("Wigner-D degree must be >= 0, was " + l);
        }
        if (rotation.rows() != 3 || rotation.columns() != 3) {
            throw new InvalidArgumentException("Wigner-D needs a 3x3 rotation matrix, got " + rotation.shape());
        }
        Rule rule = l <= CACHED ? RULES[l] : new Rule(l);
        int d = 2 * l + 1;
        double[] out = new double[d * d];
        for (int p = 0; p < rule.points.length; p++) {
            double[] rotated = rotation.multiply(rule.points[p]);
            double[] yr = SphericalHarmonics.evaluate(l, rotated);
            double[] y = rule.harmonics[p];
            double w = rule.weights[p];
            for (int m = 0; m < d; m++) {
                double a = w * yr[m];
                for (int n = 0; n < d; n++) {
                    out[m * d + n] += a * y[n];
                }
            }
        }
        return Matrix.ofRowMajor(d, d, out);
    }

    /** D_l(R) for an element of SO(3). */
    public static Matrix matrix(int l, SO3.Element rotation) {
        return matrix(l, rotation.matrix());
    }

    /** A product quadrature on the sphere, exact for spherical polynomials of degree &lt;= 2l, with Y_l at its nodes. */
    private static final class Rule {
        final double[][] points;
        final double[] weights;
        final double[][] harmonics;

        Rule(int l) {
            int nz = l + 1;
            int nphi = 2 * l + 1;
            double[][] gl = gaussLegendre(nz);
            points = new double[nz * nphi][];
            weights = new double[nz * nphi];
            harmonics = new double[nz * nphi][];
            int p = 0;
            for (int i = 0; i < nz; i++) {
                double z = gl[0][i];
                double s = Math.sqrt(Math.max(0, 1 - z * z));
                for (int j = 0; j < nphi; j++) {
                    // A half-step offset keeps nodes off the x-axis; any offset is exact, this one is symmetric.
                    double phi = 2 * Math.PI * (j + 0.5) / nphi;
                    points[p] = new double[] {s * Math.cos(phi), s * Math.sin(phi), z};
                    weights[p] = gl[1][i] * 2 * Math.PI / nphi;
                    harmonics[p] = SphericalHarmonics.evaluate(l, points[p]);
                    p++;
                }
            }
        }
    }

    /** Nodes (row 0) and weights (row 1) of n-point Gauss-Legendre quadrature on [-1, 1], by Newton's method. */
    static double[][] gaussLegendre(int n) {
        double[] nodes = new double[n];
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            double x = Math.cos(Math.PI * (i + 0.75) / (n + 0.5));
            double derivative = 0;
            for (int iter = 0; iter < 100; iter++) {
                double p0 = 1;
                double p1 = x;
                for (int k = 2; k <= n; k++) {
                    double p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
                    p0 = p1;
                    p1 = p2;
                }
                // p1 = P_n(x), p0 = P_(n-1)(x) (also for n = 1, where the loop does not run)
                derivative = n * (x * p1 - p0) / (x * x - 1);
                double dx = p1 / derivative;
                x -= dx;
                if (Math.abs(dx) < 1e-16) {
                    break;
                }
            }
            nodes[i] = x;
            weights[i] = 2 / ((1 - x * x) * derivative * derivative);
        }
        return new double[][] {nodes, weights};
    }
}
