package org.equivariant4j.gconv.weightsharing;

import java.util.Arrays;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.tensor.Tensor;

/**
 * Log-domain Sinkhorn normalisation: turns a batch of score matrices {@code [B, m, m]} into doubly stochastic
 * matrices (every row and every column sums to 1) that approach permutation matrices as the temperature goes to 0.
 *
 * <p>With {@code L = scores / temperature}, each iteration subtracts the row-wise and then the column-wise
 * log-sum-exp, {@code L -= lse_j(L)}, {@code L -= lse_i(L)}, and the result is {@code exp(L)}. Working with logs and
 * the engine's stable {@link Tensor#logSumExp} (max-shifted) means no exponential of a large score is ever formed,
 * so any number of iterations and any temperature stay finite; after the last step the columns sum to 1 exactly
 * and the rows to within the remaining Sinkhorn error. Every step is a differentiable tensor op, so gradients flow
 * back to the scores through the autodiff engine: 2 x iterations reductions on the whole batch, no loop over B.
 */
public final class Sinkhorn {
    private final int iterations;
    private final double temperature;

    /**
     * @param iterations  row-then-column normalisations, at least 1 (the paper uses 20)
     * @param temperature divides the scores; smaller is closer to a permutation (the paper uses 1)
     */
    public Sinkhorn(int iterations, double temperature) {
        if (iterations < 1) {
            throw new InvalidArgumentException("Sinkhorn: iterations must be >= 1, got " + iterations);
        }
        if (!(temperature > 0) || !Double.isFinite(temperature)) {
            throw new InvalidArgumentException("Sinkhorn: temperature must be a positive finite number, got " + temperature);
        }
        this.iterations = iterations;
        this.temperature = temperature;
    }

    public int iterations() {
        return iterations;
    }

    public double temperature() {
        return temperature;
    }

    /** The logarithm of the doubly stochastic matrices for {@code scores [B, m, m]}. */
    public Tensor logNormalize(Tensor scores) {
        int[] s = scores.shape();
        if (s.length != 3 || s[1] != s[2]) {
            throw new ShapeMismatchException("Sinkhorn: expected a batch of square score matrices [B, m, m] but was "
                    + Arrays.toString(s));
        }
        Tensor log = temperature == 1.0 ? scores : scores.div(temperature);
        for (int i = 0; i < iterations; i++) {
            log = log.sub(log.logSumExp(2, true));
            log = log.sub(log.logSumExp(1, true));
        }
        return log;
    }

    /** The doubly stochastic matrices {@code [B, m, m]} for {@code scores [B, m, m]}. */
    public Tensor apply(Tensor scores) {
        return logNormalize(scores).exp();
    }

    @Override
    public String toString() {
        return "Sinkhorn(" + iterations + " iterations, temperature " + temperature + ")";
    }
}
