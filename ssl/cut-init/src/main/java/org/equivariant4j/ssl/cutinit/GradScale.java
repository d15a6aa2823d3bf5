package org.equivariant4j.ssl.cutinit;

import java.util.Arrays;
import java.util.function.UnaryOperator;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.tensor.Tensor;

/**
 * GradScale, the paper's alternative to cut-initialisation: the identity going forward, and going backward the gradient
 * reaching each embedding row z is multiplied by {@code ||z||^power}, cancelling the 1/||z|| the cosine similarity
 * puts on it (power 1).
 *
 * <p>The core has no custom-function API, so the rule is built from differentiable ops with a detached scale
 * {@code s = ||z||^power}: {@code y = s z - sg(s z) + sg(z)}. Forward, the first two terms are the same product and
 * cancel exactly, so {@code y = z} bit for bit; backward, only {@code s z} carries a gradient, and with s detached it
 * is {@code s · dL/dy}. A finite-difference check sees the identity, so the test checks the vector-Jacobian product
 * against {@code ||z||^power · r} instead.
 */
public final class GradScale implements UnaryOperator<Tensor> {
    private final double power;

    public GradScale(double power) {
        if (!Double.isFinite(power)) {
            throw new InvalidArgumentException("GradScale: expected a finite power but was " + power);
        }
        this.power = power;
    }

    @Override
    public Tensor apply(Tensor z) {
        if (z.rank() != 2) {
            throw new ShapeMismatchException("GradScale: expected embeddings [N, D] but was " + Arrays.toString(z.shape()));
        }
        Tensor s = z.detach().norm(1, true).pow(power);
        Tensor scaled = z.mul(s);
        return scaled.sub(scaled.detach()).add(z.detach());
    }

    public double power() {
        return power;
    }

    @Override
    public String toString() {
        return "GradScale(power " + power + ")";
    }
}
