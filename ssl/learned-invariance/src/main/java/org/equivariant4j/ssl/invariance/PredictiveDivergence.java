package org.equivariant4j.ssl.invariance;

import java.util.Arrays;

import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;

/**
 * Divergences between the predictive distributions {@code p = softmax(a)} and {@code q = softmax(b)} of two batches of
 * logits {@code a, b : [N, K]}, one value per example ({@code [N]}), computed from log-softmax so that no probability
 * is ever rounded to a zero inside a logarithm. Both are differentiable tensor ops (the regulariser trains through
 * them), symmetric in {@code a, b}, and zero exactly when {@code p = q}:
 * <ul>
 * <li>{@link #JENSEN_SHANNON}: {@code JS(p, q) = ½ KL(p ‖ m) + ½ KL(q ‖ m)} with {@code m = (p + q) / 2}, in nats;
 *     bounded by {@code ln 2} (reached by distributions with disjoint support), so it stays finite even when
 *     the two predictions are certain and different.</li>
 * <li>{@link #SYMMETRIC_KL}: {@code KL(p ‖ q) + KL(q ‖ p) = Σ_k (p_k - q_k)(log p_k - log q_k)}, in nats; unbounded
 *     (it grows with the confidence of disagreeing predictions).</li>
 * </ul>
 */
public enum PredictiveDivergence {
    /** Jensen–Shannon divergence, in [0, ln 2]. */
    JENSEN_SHANNON,
    /** Symmetrised Kullback–Leibler divergence, in [0, ∞). */
    SYMMETRIC_KL;

    /** One divergence per example between {@code softmax(a)} and {@code softmax(b)}: {@code [N]}. */
    public Tensor between(Tensor a, Tensor b) {
        if (a.rank() != 2 || !Arrays.equals(a.shape(), b.shape())) {
            throw new ShapeMismatchException("PredictiveDivergence." + name() + ": expected two logit batches [N, K] of one"
                    + " shape but got " + Arrays.toString(a.shape()) + " and " + Arrays.toString(b.shape()));
        }
        Tensor logP = a.logSoftmax(1);
        Tensor logQ = b.logSoftmax(1);
        Tensor p = logP.exp();
        Tensor q = logQ.exp();
        if (this == SYMMETRIC_KL) {
            return p.sub(q).mul(logP.sub(logQ)).sum(1, false);
        }
        // log m = log((p + q) / 2) = logsumexp(log p, log q) - log 2, stable where p or q underflows.
        Tensor logM = Tensors.stack(0, logP, logQ).logSumExp(0, false).sub(Math.log(2));
        return p.mul(logP.sub(logM)).add(q.mul(logQ.sub(logM))).sum(1, false).mul(0.5);
    }
}
