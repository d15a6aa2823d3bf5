package org.equivariant4j.groups;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.group.Matrix;

/**
 * An immutable quaternion w + x i + y j + z k, the parameterisation of SO(3) used here: a unit
 * quaternion q rotates v by q v q*, and q and -q are the same rotation. Scalar-first order, as in
 * most robotics and graphics libraries; Hamilton convention (i j = k).
 */
public final class Quaternion {
    private static final Quaternion IDENTITY = new Quaternion(1, 0, 0, 0);

    private final double w;
    private final double x;
    private final double y;
    private final double z;

    private Quaternion(double w, double x, double y, double z) {
        this.w = w;
        this.x = x;
        this.y = y;
        this.z = z;
    }

    /** The quaternion w + x i + y j + z k, as given (not normalised). */
    public static Quaternion of(double w, double x, double y, double z) {
        if (!Double.isFinite(w) || !Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(z)) {
            throw new InvalidArgumentException("quaternion components must be finite: (" + w + "," + x + "," + y + ","
                    + z + ")");
        }
        return new Quaternion(w, x, y, z);
    }

    /** 1. */
    public static Quaternion identity() {
        return IDENTITY;
    }

    /** The unit quaternion of the rotation by {@code angle} radians about {@code axis} (normalised here). */
    public static Quaternion fromAxisAngle(double[] axis, double angle) {
        double n = Math.sqrt(axis[0] * axis[0] + axis[1] * axis[1] + axis[2] * axis[2]);
        if (!(n > 0)) {
            throw new InvalidArgumentException("rotation axis must be non-zero, was (" + axis[0] + "," + axis[1] + ","
                    + axis[2] + ")");
        }
        double s = Math.sin(angle / 2) / n;
        return of(Math.cos(angle / 2), axis[0] * s, axis[1] * s, axis[2] * s);
    }

    /**
     * The unit quaternion (w >= 0) of a rotation matrix, by Shepperd's method: the largest of w, x, y, z is
     * computed from the diagonal first, so the result stays accurate near 180-degree rotations.
     *
     * @throws InvalidArgumentException if the matrix is not a rotation (orthogonal, det +1) within 1e-6
     */
    public static Quaternion fromRotationMatrix(Matrix r) {
        if (r.rows() != 3 || r.columns() != 3 || !r.isOrthogonal(1e-6) || Math.abs(r.determinant() - 1) > 1e-6) {
            throw new InvalidArgumentException("not a 3x3 rotation matrix (orthogonal with determinant 1): " + r);
        }
        double m00 = r.get(0, 0);
        double m11 = r.get(1, 1);
        double m22 = r.get(2, 2);
        double trace = m00 + m11 + m22;
        double w;
        double x;
        double y;
        double z;
        if (trace >= m00 && trace >= m11 && trace >= m22) {
            double s = 2 * Math.sqrt(1 + trace);
            w = s / 4;
            x = (r.get(2, 1) - r.get(1, 2)) / s;
            y = (r.get(0, 2) - r.get(2, 0)) / s;
            z = (r.get(1, 0) - r.get(0, 1)) / s;
        } else if (m00 >= m11 && m00 >= m22) {
            double s = 2 * Math.sqrt(1 + m00 - m11 - m22);
            w = (r.get(2, 1) - r.get(1, 2)) / s;
            x = s / 4;
            y = (r.get(0, 1) + r.get(1, 0)) / s;
            z = (r.get(0, 2) + r.get(2, 0)) / s;
        } else if (m11 >= m22) {
            double s = 2 * Math.sqrt(1 + m11 - m00 - m22);
            w = (r.get(0, 2) - r.get(2, 0)) / s;
            x = (r.get(0, 1) + r.get(1, 0)) / s;
            y = s / 4;
            z = (r.get(1, 2) + r.get(2, 1)) / s;
        } else {
            double s = 2 * Math.sqrt(1 + m22 - m00 - m11);
            w = (r.get(1, 0) - r.get(0, 1)) / s;
            x = (r.get(0, 2) + r.get(2, 0)) / s;
            y = (r.get(1, 2) + r.get(2, 1)) / s;
            z = s / 4;
        }
        return of(w, x, y, z).normalized().canonical();
    }

    public double w() {
        return w;
    }

    public double x() {
        return x;
    }

    public double y() {
        return y;
    }

    public double z() {
        return z;
    }

    /** The Hamilton product {@code this * other} (as rotations: first other, then this). */
    public Quaternion multiply(Quaternion o) {
        return new Quaternion(
                w * o.w - x * o.x - y * o.y - z * o.z,
                w * o.x + x * o.w + y * o.z - z * o.y,
                w * o.y - x * o.z + y * o.w + z * o.x,
                w * o.z + x * o.y - y * o.x + z * o.w);
    }

    /** w - x i - y j - z k (the inverse of a unit quaternion). */
    public Quaternion conjugate() {
        return new Quaternion(w, -x, -y, -z);
    }

    public Quaternion negate() {
        return new Quaternion(-w, -x, -y, -z);
    }

    /** The Euclidean inner product in R^4. */
    public double dot(Quaternion o) {
        return w * o.w + x * o.x + y * o.y + z * o.z;
    }

    public double norm() {
        return Math.sqrt(dot(this));
    }

    /** This divided by its norm. */
    public Quaternion normalized() {
        double n = norm();
        if (!(n > 0)) {
            throw new InvalidArgumentException("cannot normalise the zero quaternion");
        }
        return new Quaternion(w / n, x / n, y / n, z / n);
    }

    /**
     * The representative of {q, -q} with w > 0, or, when w = 0, with its first non-zero component positive:
     * one quaternion per rotation, so equal rotations have equal text.
     */
    public Quaternion canonical() {
        double[] c = {w, x, y, z};
        double sign = 1;
        for (double v : c) {
            if (v != 0) {
                sign = v > 0 ? 1 : -1;
                break;
            }
        }
        // "+ 0.0" turns -0.0 into 0.0, so that the text form (which prints 0.0) parses back to an equal value.
        return new Quaternion(sign * w + 0.0, sign * x + 0.0, sign * y + 0.0, sign * z + 0.0);
    }

    /** The rotation angle in [0, pi] (the geodesic distance of the rotation from the identity). */
    public double angle() {
        double v = Math.sqrt(x * x + y * y + z * z);
        return 2 * Math.atan2(v, Math.abs(w));
    }

    /** q v q* for a unit quaternion: the rotated vector. */
    public double[] rotate(double[] v) {
        // v + 2 u x (u x v + w v), with u = (x, y, z): the usual expansion of q v q*.
        double cx = y * v[2] - z * v[1] + w * v[0];
        double cy = z * v[0] - x * v[2] + w * v[1];
        double cz = x * v[1] - y * v[0] + w * v[2];
        return new double[] {
            v[0] + 2 * (y * cz - z * cy),
            v[1] + 2 * (z * cx - x * cz),
            v[2] + 2 * (x * cy - y * cx)};
    }

    /** The 3x3 rotation matrix of a unit quaternion. */
    public Matrix toRotationMatrix() {
        return Matrix.ofRowMajor(3, 3,
                1 - 2 * (y * y + z * z), 2 * (x * y - w * z), 2 * (x * z + w * y),
                2 * (x * y + w * z), 1 - 2 * (x * x + z * z), 2 * (y * z - w * x),
                2 * (x * z - w * y), 2 * (y * z + w * x), 1 - 2 * (x * x + y * y));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Quaternion q && Double.compare(w, q.w) == 0 && Double.compare(x, q.x) == 0
                && Double.compare(y, q.y) == 0 && Double.compare(z, q.z) == 0;
    }

    @Override
    public int hashCode() {
        int h = Double.hashCode(w);
        h = 31 * h + Double.hashCode(x);
        h = 31 * h + Double.hashCode(y);
        return 31 * h + Double.hashCode(z);
    }

    /** {@code "(w,x,y,z)"} at full precision. */
    @Override
    public String toString() {
        return ElementText.tuple(w, x, y, z);
    }
}
