package org.equivariant4j.ssl.invariance;

import java.util.Locale;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.tensor.DType;

/**
 * The policy half of the measurement (e3nn's split): how large each metric of an {@link ElementInvariance} may be for
 * a model to count as invariant. A bound on each: the mean Jensen–Shannon divergence, the normalised logit distance,
 * and how far the mean saliency similarity may fall below 1.
 *
 * @param maxJs                 largest accepted {@link ElementInvariance#jsMean()} (nats)
 * @param maxLogitDistance      largest accepted {@link ElementInvariance#logitDistance()}
 * @param maxSaliencyDeficit    largest accepted {@code 1 - }{@link ElementInvariance#saliencySimilarity()}
 */
public record InvarianceTolerance(double maxJs, double maxLogitDistance, double maxSaliencyDeficit) {

    public InvarianceTolerance {
        if (!(maxJs >= 0) || !(maxLogitDistance >= 0) || !(maxSaliencyDeficit >= 0)) {
            throw new InvalidArgumentException("InvarianceTolerance: bounds must be >= 0, got JS " + maxJs + ", logit distance "
                    + maxLogitDistance + ", saliency deficit " + maxSaliencyDeficit);
        }
    }

    /**
     * What a model invariant by construction (a G-CNN with group pooling, an orbit average) reaches in {@code dtype}:
     * its outputs over an orbit differ only by the rounding of sums taken in another order. With unit roundoff u
     * (6e-8 in float32, 1e-16 in float64) logits and input gradients of such a model agree to about {@code 100 u}
     * relative to their spread after a few layers, so the logit distance is bounded by {@code 1e-4} (float32) /
     * {@code 1e-10} (float64) and the saliency deficit (second order in the error: {@code 1 - cos θ ≈ θ²/2}) by the same;
     * the JS divergence of logits that differ by δ is about {@code δ²/8}, bounded by {@code 1e-8} (float32); in float64
     * that is below the rounding of the JS sum itself (computed in float64 over K classes, about {@code K u}), so the
     * float64 bound is {@code 1e-13}.
     */
    public static InvarianceTolerance defaultFor(DType dtype) {
        return switch (dtype) {
            case FLOAT64 -> new InvarianceTolerance(1e-13, 1e-10, 1e-10);
            case FLOAT32 -> new InvarianceTolerance(1e-8, 1e-4, 1e-4);
            default -> throw new InvalidArgumentException("InvarianceTolerance.defaultFor: a model's logits are floating point;"
                    + " got " + dtype);
        };
    }

    /** Whether every metric of {@code e} is within its bound (a NaN never is). */
    public boolean accepts(ElementInvariance e) {
        return e.jsMean() <= maxJs && e.logitDistance() <= maxLogitDistance && 1 - e.saliencySimilarity() <= maxSaliencyDeficit;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "JS <= %.3g, logit distance <= %.3g, saliency similarity >= 1 - %.3g", maxJs,
                maxLogitDistance, maxSaliencyDeficit);
    }
}
