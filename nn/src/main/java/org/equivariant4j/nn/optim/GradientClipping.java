package org.equivariant4j.nn.optim;

import java.util.List;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.module.Parameter;
import org.equivariant4j.core.tensor.GradMode;
import org.equivariant4j.core.tensor.Tensor;

/**
 * Clipping by the global gradient norm, as PyTorch's {@code clip_grad_norm_}: when the L2 norm of
 * all gradients taken together exceeds {@code maxNorm}, every gradient is scaled by
 * {@code maxNorm / (norm + 1e-6)}. Scaling all gradients by one factor keeps the update's
 * direction, unlike clipping each parameter on its own.
 */
public final class GradientClipping {
    /** PyTorch's guard against dividing by a zero norm. */
    private static final double EPS = 1e-6;

    private GradientClipping() {
    }

    /**
     * Scales the gradients of {@code parameters} in place so that their global L2 norm is at most
     * {@code maxNorm}. Parameters without a gradient are ignored.
     *
     * <p>Writes through {@link Tensor#assign} on the tensor returned by {@link Parameter#grad()},
     * which is the accumulated gradient itself, not a copy.
     *
     * @return the global norm before clipping (useful to log; NaN or infinite when a gradient is)
     */
    public static double clipGlobalNorm(List<Parameter> parameters, double maxNorm) {
        if (!(maxNorm > 0)) {
            throw new InvalidArgumentException("GradientClipping: maxNorm must be positive, got " + maxNorm);
        }
        try (GradMode.Scope ignored = GradMode.disabled()) {
            double sumOfSquares = 0;
            for (Parameter p : parameters) {
                Tensor g = p.grad();
                if (g != null) {
                    double n = g.norm().item();
                    sumOfSquares += n * n;
                }
            }
            double total = Math.sqrt(sumOfSquares);
            double coefficient = maxNorm / (total + EPS);
            if (coefficient < 1) {
                for (Parameter p : parameters) {
                    Tensor g = p.grad();
                    if (g != null) {
                        g.assign(g.mul(coefficient));
                    }
                }
            }
            return total;
        }
    }
}
