package org.equivariant4j.groups;

import org.equivariant4j.core.group.Matrix;

/** 2x2 rotation and reflection matrices shared by C_n, D_n, SO(2), O(2) and their irreps. */
final class PlaneRotations {
    static final double TWO_PI = 2 * Math.PI;
    /** F = diag(1, -1): the reflection across the x-axis, the "flip" of D_n and O(2). */
    static final Matrix FLIP = Matrix.diagonal(1, -1);

    private PlaneRotations() {
    }

    /**
     * The rotation by {@code angle}. cos and sin below 1e-15 in magnitude are snapped to 0 so that quarter
     * turns are exact integer matrices (Math.cos(pi/2) is 6e-17, not 0), which is what makes C4 and D4
     * act exactly on the pixel grid.
     */
    static Matrix rotation(double angle) {
        double c = snap(Math.cos(angle));
        double s = snap(Math.sin(angle));
        return Matrix.ofRowMajor(2, 2, c, -s, s, c);
    }

    /** R(angle) F^flip. */
    static Matrix rotationFlip(double angle, boolean flip) {
        Matrix r = rotation(angle);
        return flip ? r.multiply(FLIP) : r;
    }

    /** The angle 2 pi k / n in [0, 2 pi). */
    static double angle(int k, int n) {
        return TWO_PI * Math.floorMod(k, n) / n;
    }

    /** {@code angle} wrapped into [0, 2 pi); exactly 2 pi after rounding becomes 0 so the value is unique. */
    static double wrap(double angle) {
        double a = angle % TWO_PI;
        if (a < 0) {
            a += TWO_PI;
        }
        return a >= TWO_PI ? 0.0 : a == 0.0 ? 0.0 : a;
    }

    /** |a - b| measured around the circle, in [0, pi]. */
    static double distance(double a, double b) {
        double d = Math.abs(wrap(a - b));
        return Math.min(d, TWO_PI - d);
    }

    private static double snap(double v) {
        return Math.abs(v) < 1e-15 ? 0.0 : v;
    }
}
