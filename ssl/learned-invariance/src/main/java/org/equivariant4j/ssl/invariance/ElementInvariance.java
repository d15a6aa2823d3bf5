package org.equivariant4j.ssl.invariance;

import java.util.Locale;

import org.equivariant4j.core.group.GroupElement;

/**
 * What an {@link InvarianceChecker} measured for one group element g over the N inputs x_i, with {@code f} the model's
 * logits, {@code p = softmax(f)} and {@code c_i = argmax f(x_i)} (definitions in full on {@link InvarianceChecker}).
 *
 * @param element              the group element g
 * @param jsMean               predictive-distribution invariance: mean over i of {@code JS(p(x_i), p(g·x_i))}, nats, in [0, ln 2]
 * @param jsMax                the same, max over i
 * @param symmetricKlMean      mean over i of the symmetrised KL between {@code p(x_i)} and {@code p(g·x_i)}, nats
 * @param logitDistance        logit invariance: {@code sqrt(Σ_i |f(g·x_i) - f(x_i)|²) / sqrt(Σ_i |f(x_i) - mean_j f(x_j)|²)}
 * @param saliencySimilarity   saliency-invariance similarity: mean over i of {@code cos(s(g·x_i), g·s(x_i))}, in [-1, 1]
 * @param saliencySimilarityMin the same, min over i
 * @param agreement            fraction of i with {@code argmax f(g·x_i) = c_i}
 */
public record ElementInvariance(GroupElement element, double jsMean, double jsMax, double symmetricKlMean,
        double logitDistance, double saliencySimilarity, double saliencySimilarityMin, double agreement) {

    /** Whether {@code tolerance} accepts all three metrics. */
    public boolean passes(InvarianceTolerance tolerance) {
        return tolerance.accepts(this);
    }

    /** One line: the element and its metrics. */
    public String describe() {
        return String.format(Locale.ROOT, "g = %s: JS mean %.3g (max %.3g), sym. KL mean %.3g, logit distance %.3g,"
                + " saliency similarity %.6f (min %.6f), agreement %.4f", element, jsMean, jsMax, symmetricKlMean,
                logitDistance, saliencySimilarity, saliencySimilarityMin, agreement);
    }

    @Override
    public String toString() {
        return describe();
    }
}
