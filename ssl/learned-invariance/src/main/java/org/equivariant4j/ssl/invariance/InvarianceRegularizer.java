package org.equivariant4j.ssl.invariance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.group.GroupElement;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.nn.loss.Loss;

/**
 * The invariance-error penalty of Moskalev et al. (2023), added to any classifier's training loss so that a model
 * without weight tying learns to be invariant rather than only to classify orbits. <b>Our definition</b> (the paper
 * names the regulariser but publishes no code): per batch {@code x_1 … x_N}, draw m distinct non-identity elements
 * {@code g_1 … g_m} of the group (m = {@code samples}); the penalty is
 * <pre>
 *   R = λ · (1 / mN) Σ_j Σ_i D(f(x_i), f(g_j·x_i))
 * </pre>
 * with D one of the {@link Penalty penalties}, and the training loss is {@code task(f(x), y) + R}. Gradients flow
 * through both sides (no stop-gradient), so the model may move either prediction toward the other.
 *
 * <p>The batch and its moved copies go through the model as <em>one</em> stacked batch {@code [x; g_1·x; …; g_m·x]}
 * ({@link #orbitBatch}), so a batch-normalised model normalises all of them with the same statistics, and the task
 * loss is taken on the first N rows ({@link #loss}). With m = |G| - 1 the whole orbit is seen every step.
 */
public final class InvarianceRegularizer {

    /** The distance D between the outputs at x and at g·x. */
    public enum Penalty {
        /** {@code |f(g·x) - f(x)|² / K}: mean squared difference of the K logits. */
        LOGITS,
        /** Jensen–Shannon divergence of the predictive distributions ({@link PredictiveDivergence#JENSEN_SHANNON}). */
        JENSEN_SHANNON,
        /** Symmetrised KL divergence of the predictive distributions ({@link PredictiveDivergence#SYMMETRIC_KL}). */
        SYMMETRIC_KL
    }

    private final OrbitAction action;
    private final int samples;
    private final double weight;
    private final Penalty penalty;

    private InvarianceRegularizer(OrbitAction action, int samples, double weight, Penalty penalty) {
        this.action = action;
        this.samples = samples;
        this.weight = weight;
        this.penalty = penalty;
    }

    /**
     * A regulariser with weight {@code weight} (λ >= 0) and {@code samples} moved copies per batch
     * (1 <= m <= |G| - 1).
     */
    public static InvarianceRegularizer of(OrbitAction action, int samples, double weight, Penalty penalty) {
        int moved = action.nonIdentityElements().size();
        if (samples < 1 || samples > moved) {
            throw new InvalidArgumentException("InvarianceRegularizer: orbit samples per batch must be in [1, " + moved
                    + "] (the non-identity elements of " + action.group().name() + "), got " + samples);
        }
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new InvalidArgumentException("InvarianceRegularizer: weight λ must be finite and >= 0, got " + weight);
        }
        return new InvarianceRegularizer(action, samples, weight, penalty);
    }

    public OrbitAction action() {
        return action;
    }

    public int samples() {
        return samples;
    }

    public double weight() {
        return weight;
    }

    public Penalty penalty() {
        return penalty;
    }

    /** {@code [x; g_1·x; …; g_m·x]} ({@code [(1 + m)N, ...]}), the m distinct non-identity elements drawn from {@code rng}. */
    public Tensor orbitBatch(Tensor x, Rng rng) {
        List<GroupElement> moved = action.nonIdentityElements();
        int[] order = rng.permutation(moved.size());
        List<Tensor> parts = new ArrayList<>();
        parts.add(x);
        for (int j = 0; j < samples; j++) {
            parts.add(action.apply(moved.get(order[j]), x));
        }
        return Tensors.concat(0, parts);
    }

    /** The penalty R of the logits of an {@link #orbitBatch} ({@code [(1 + m)N, K]}): a scalar. */
    public Tensor penalty(Tensor stackedLogits) {
        int rows = stackedLogits.size(0);
        if (stackedLogits.rank() != 2 || rows % (samples + 1) != 0) {
            throw new ShapeMismatchException("InvarianceRegularizer: expected the logits [(1 + " + samples + ") N, K] of an"
                    + " orbit batch but got " + java.util.Arrays.toString(stackedLogits.shape()));
        }
        int n = rows / (samples + 1);
        Tensor original = stackedLogits.narrow(0, 0, n);
        Tensor reference = samples == 1 ? original : Tensors.concat(0, java.util.Collections.nCopies(samples, original));
        Tensor moved = stackedLogits.narrow(0, n, samples * n);
        Tensor perExample = switch (penalty) {
            case LOGITS -> moved.sub(reference).pow(2).mean(1, false);
            case JENSEN_SHANNON -> PredictiveDivergence.JENSEN_SHANNON.between(reference, moved);
            case SYMMETRIC_KL -> PredictiveDivergence.SYMMETRIC_KL.between(reference, moved);
        };
        return perExample.mean().mul(weight);
    }

    /**
     * The regularised training loss of one batch: {@code task(f(x), labels) + R}, with one forward pass of
     * {@code model} over the {@link #orbitBatch}.
     */
    public Tensor loss(UnaryOperator<Tensor> model, Tensor x, Tensor labels, Loss task, Rng rng) {
        Tensor logits = model.apply(orbitBatch(x, rng));
        return task.compute(logits.narrow(0, 0, x.size(0)), labels).add(penalty(logits));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "InvarianceRegularizer(%s, λ = %g, %d orbit sample(s) per batch, under %s)",
                penalty, weight, samples, action);
    }
}
