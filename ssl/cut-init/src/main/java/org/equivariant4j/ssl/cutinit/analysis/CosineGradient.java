package org.equivariant4j.ssl.cutinit.analysis;

import java.util.Arrays;

import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.GradMode;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.ssl.loss.Cosine;

/**
 * The gradient of {@code cos(z, z')} with respect to z, two ways. Closed form: with θ the angle between z and z',
 * {@code ∇_z cos = (ẑ' - cos θ ẑ) / ||z||}, whose norm is {@code sin θ / ||z||}: it scales as 1/||z|| and vanishes as
 * z turns towards -z' (θ → π) as well as towards z'. Measured: one backward pass of {@link Cosine#similarity}, in
 * float64, through the framework's autodiff.
 */
public final class CosineGradient {
    private CosineGradient() {
    }

    /** {@code sin θ / ||z||}. */
    public static double closedFormNorm(double[] z, double[] zPrime) {
        check(z, zPrime);
        double zz = dot(z, z);
        double pp = dot(zPrime, zPrime);
        double cos = dot(z, zPrime) / Math.sqrt(zz * pp);
        return Math.sqrt(Math.max(0, 1 - cos * cos)) / Math.sqrt(zz);
    }

    /** The closed-form gradient vector {@code (ẑ' - cos θ ẑ) / ||z||}. */
    public static double[] closedForm(double[] z, double[] zPrime) {
        check(z, zPrime);
        double nz = Math.sqrt(dot(z, z));
        double np = Math.sqrt(dot(zPrime, zPrime));
        double cos = dot(z, zPrime) / (nz * np);
        double[] g = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            g[i] = (zPrime[i] / np - cos * z[i] / nz) / nz;
        }
        return g;
    }

    /** {@code ∇_z cos(z, z')} by the autodiff. */
    public static double[] measured(double[] z, double[] zPrime) {
        check(z, zPrime);
        Tensor leaf = Tensors.of(z, DType.FLOAT64, 1, z.length).requiresGrad(true);
        try (GradMode.Scope ignored = GradMode.enabled()) {
            Cosine.similarity(leaf, Tensors.of(zPrime, DType.FLOAT64, 1, z.length)).sum().backward();
        }
        return leaf.grad().toDoubleArray();
    }

    /** The Euclidean norm of {@link #measured}. */
    public static double measuredNorm(double[] z, double[] zPrime) {
        double[] g = measured(z, zPrime);
        return Math.sqrt(dot(g, g));
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void check(double[] z, double[] zPrime) {
        if (z.length == 0 || z.length != zPrime.length) {
            throw new ShapeMismatchException("CosineGradient: expected two non-empty vectors of one length but were "
                    + z.length + " and " + zPrime.length + " (" + Arrays.toString(zPrime) + ")");
        }
    }
}
