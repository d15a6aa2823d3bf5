package org.equivariant4j.gconv.weightsharing;

import org.equivariant4j.core.tensor.Tensor;

/**
 * The paper's two optional penalties that push learned weight-sharing matrices toward permutations.
 *
 * <ul>
 *   <li>{@link #norm}: on the raw scores, {@code mean(lse_rows(S)^2) + mean(lse_cols(S)^2)}; zero when the scores
 *       are already normalised in log space, so Sinkhorn has little left to do and the scores cannot drift
 *       to large common offsets that flatten the matrices.</li>
 *   <li>{@link #entropy}: on the doubly stochastic matrices, {@code -sum P log P}; it is 0 exactly at permutation
 *       matrices and largest (m log m per matrix) at the uniform matrix.</li>
 * </ul>
 */
public final class PermutationRegularizers {
    /** Entries are clamped to this before the log, so a hard zero contributes 0 rather than NaN. */
    private static final double LOG_FLOOR = 1e-16;

    private PermutationRegularizers() {
    }

    /** Norm penalty of the scores {@code [B, m, m]}. */
    public static Tensor norm(Tensor scores) {
        Tensor rows = scores.logSumExp(2, false);
        Tensor columns = scores.logSumExp(1, false);
        return rows.pow(2).mean().add(columns.pow(2).mean());
    }

    /** Entropy of doubly stochastic matrices {@code [B, m, m]}, summed over the batch. */
    public static Tensor entropy(Tensor doublyStochastic) {
        return doublyStochastic.mul(doublyStochastic.clamp(LOG_FLOOR, Double.MAX_VALUE).log()).sum().neg();
    }
}
