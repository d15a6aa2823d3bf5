package org.equivariant4j.fields.enf.pde;

import java.util.function.DoubleUnaryOperator;

import org.equivariant4j.core.error.InvalidArgumentException;

/**
 * The Legendre coefficients {@code f_l = 2π ∫_0^π g(θ) P_l(cos θ) sin θ dθ} of a zonal profile g (a function of
 * the angle θ to a centre on the sphere), by the composite Simpson rule on {@value #INTERVALS} intervals of θ: its
 * error is below {@code (π / INTERVALS)^4 / 180 · π · max |∂^4_θ (g P_l sin θ)|}, about 4e-10 of the peak for the
 * Gaussian peaks of width 0.25 at degree 32 (the fourth derivative of P_l grows like l^4).
 */
public final class ZonalProfile {
    static final int INTERVALS = 8192;

    private ZonalProfile() {
    }

    /** The Gaussian peak {@code exp(-θ^2 / (2 width^2))}: f_0 .. f_degree. */
    public static double[] gaussianPeak(double width, int degree) {
        if (!(width > 0)) {
            throw new InvalidArgumentException("ZonalProfile.gaussianPeak: width must be > 0, was " + width);
        }
        return legendre(theta -> Math.exp(-theta * theta / (2 * width * width)), degree);
    }

    /** f_0 .. f_degree of the profile g(θ). */
    public static double[] legendre(DoubleUnaryOperator profile, int degree) {
        if (degree < 0) {
            throw new InvalidArgumentException("ZonalProfile: degree must be >= 0, was " + degree);
        }
        double[] out = new double[degree + 1];
        double[] p = new double[degree + 1];
        double h = Math.PI / INTERVALS;
        for (int s = 0; s <= INTERVALS; s++) {
            double theta = s * h;
            double weight = (s == 0 || s == INTERVALS ? 1 : s % 2 == 1 ? 4 : 2) * h / 3;
            double g = profile.applyAsDouble(theta) * Math.sin(theta) * weight;
            double z = Math.cos(theta);
            p[0] = 1;
            if (degree > 0) {
                p[1] = z;
            }
            for (int l = 2; l <= degree; l++) {
                p[l] = ((2 * l - 1) * z * p[l - 1] - (l - 1) * p[l - 2]) / l;
            }
            for (int l = 0; l <= degree; l++) {
                out[l] += 2 * Math.PI * g * p[l];
            }
        }
        return out;
    }
}
