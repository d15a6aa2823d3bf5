package org.equivariant4j.fields.latentforce.system;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.tensor.Rng;

/**
 * The fixed sources of a system's global field: {@code count} points in {@code dims} dimensions with a strength
 * each (source charges, or static masses). The same sources act on every trajectory of a dataset, which is what
 * makes the field global and learnable. The field at {@code x} is
 * {@code E(x) = sign Σ_k s_k (x - p_k) / (|x - p_k|² + ε²)^{3/2}}, the softened inverse-square law
 * ({@code sign} +1 for charges, which push a like charge away, and -1 for masses, which pull).
 */
public final class StaticSources {
    private final int dims;
    private final double[] positions;
    private final double[] strengths;
    private final double sign;
    private final double softening;

    StaticSources(int dims, double[] positions, double[] strengths, InteractionLaw law, double softening) {
        if (positions.length != dims * strengths.length) {
            throw new InvalidArgumentException("StaticSources: " + positions.length + " coordinates for " + strengths.length
                    + " sources in " + dims + " dimensions");
        }
        this.dims = dims;
        this.positions = positions.clone();
        this.strengths = strengths.clone();
        this.sign = law.sourceSign();
        this.softening = softening;
    }

    /** Sources drawn for {@code system} from {@code rng}: positions uniform in the box, strengths as the system says. */
    public static StaticSources draw(FieldSystem system, Rng rng) {
        int k = system.sources();
        double[] p = new double[k * system.dims()];
        double[] s = new double[k];
        for (int i = 0; i < k; i++) {
            for (int d = 0; d < system.dims(); d++) {
                p[i * system.dims() + d] = rng.nextDouble(-system.sourceBox(), system.sourceBox());
            }
            s[i] = system.signedSources() ? (rng.nextDouble() < 0.5 ? -1.0 : 1.0) * system.sourceStrength()
                    : system.sourceStrength();
        }
        return new StaticSources(system.dims(), p, s, system.law(), system.softening());
    }

    public int dims() {
        return dims;
    }

    public int count() {
        return strengths.length;
    }

    /** Source k's coordinates. */
    public double[] position(int k) {
        double[] out = new double[dims];
        System.arraycopy(positions, k * dims, out, 0, dims);
        return out;
    }

    public double strength(int k) {
        return strengths[k];
    }

    /** Writes {@code E(x)} for the point at {@code x[xOffset .. xOffset + dims)} into {@code out[outOffset ..]}. */
    public void field(double[] x, int xOffset, double[] out, int outOffset) {
        for (int d = 0; d < dims; d++) {
            out[outOffset + d] = 0;
        }
        double eps2 = softening * softening;
        for (int k = 0; k < strengths.length; k++) {
            double r2 = eps2;
            for (int d = 0; d < dims; d++) {
                double t = x[xOffset + d] - positions[k * dims + d];
                r2 += t * t;
            }
            double size = sign * strengths[k] / (r2 * Math.sqrt(r2));
            for (int d = 0; d < dims; d++) {
                out[outOffset + d] += size * (x[xOffset + d] - positions[k * dims + d]);
            }
        }
    }

    /**
     * The potential {@code φ} with {@code E = -∇φ}: {@code sign Σ_k s_k / sqrt(|x - p_k|² + ε²)} (for the
     * energy checks of the simulator).
     */
    public double potential(double[] x, int xOffset) {
        double phi = 0;
        double eps2 = softening * softening;
        for (int k = 0; k < strengths.length; k++) {
            double r2 = eps2;
            for (int d = 0; d < dims; d++) {
                double t = x[xOffset + d] - positions[k * dims + d];
                r2 += t * t;
            }
            phi += sign * strengths[k] / Math.sqrt(r2);
        }
        return phi;
    }
}
