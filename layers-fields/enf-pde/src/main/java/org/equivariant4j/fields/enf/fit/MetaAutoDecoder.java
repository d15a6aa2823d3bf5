package org.equivariant4j.fields.enf.fit;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.tensor.GradMode;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.fields.enf.field.EquivariantCrossAttentionField;
import org.equivariant4j.fields.enf.field.LatentPointCloud;

/**
 * Meta-learned auto-decoding (the fitting of the ENF paper): the latents of a batch of new fields are found by a few
 * plain gradient steps on the reconstruction error, starting from a learned {@link LatentInitialisation} with its
 * learned per-parameter step sizes (meta-SGD). Training differentiates the loss <em>after</em> the inner steps with
 * respect to the field, the initialisation and the step sizes, through the steps ({@link MetaGradient}).
 *
 * <p>The inner loss of a batch is the sum over fields of each field's mean squared error, so every field's latents take
 * the same step whatever the batch size (the reference scales its batch mean by B for the same reason).
 *
 * <p>With gradients enabled ({@link GradMode}) the fitted latents stay connected to the graph as the mode asks; with
 * gradients disabled (evaluation) the inner steps still run, each from fresh leaves, and the fitted latents are
 * returned detached.
 *
 * <pre>{@code
 * MetaAutoDecoder decoder = new MetaAutoDecoder(field, init, 3, MetaGradient.SECOND_ORDER);
 * LatentPointCloud z = decoder.fit(coordinates, values);                     // [B, Q, d], [B, Q, out]
 * Tensor outer = MetaAutoDecoder.reconstructionLoss(field, coordinates, values, z);
 * outer.backward();                                                          // reaches field, init and step sizes
 * }</pre>
 */
public final class MetaAutoDecoder {
    private final EquivariantCrossAttentionField field;
    private final LatentInitialisation initialisation;
    private final int innerSteps;
    private final MetaGradient mode;

    public MetaAutoDecoder(EquivariantCrossAttentionField field, LatentInitialisation initialisation, int innerSteps,
            MetaGradient mode) {
        this.field = Objects.requireNonNull(field, "field");
        this.initialisation = Objects.requireNonNull(initialisation, "initialisation");
        this.mode = Objects.requireNonNull(mode, "mode");
        if (innerSteps < 0) {
            throw new InvalidArgumentException("MetaAutoDecoder: innerSteps must be >= 0, got " + innerSteps);
        }
        this.innerSteps = innerSteps;
    }

    /** Latents for the fields sampled as {@code targets [B, Q, out]} at {@code coordinates [B, Q, d]}, from the learned start. */
    public LatentPointCloud fit(Tensor coordinates, Tensor targets) {
        return fit(initialisation.expand(coordinates.size(0)), coordinates, targets);
    }

    /** As {@link #fit(Tensor, Tensor)} from another start (e.g. the previous frame's latents), same step sizes. */
    public LatentPointCloud fit(LatentPointCloud start, Tensor coordinates, Tensor targets) {
        return innerLoop(field, start, initialisation.poseLearningRates(), initialisation.contextLearningRates(),
                coordinates, targets, innerSteps, mode);
    }

    /**
     * The inner loop on explicit tensors (what {@link #fit} runs, exposed so that its meta-gradient can be checked
     * against finite differences): {@code steps} times, p ← p − η_p ∇_p L and c ← c − η_c ∇_c L.
     *
     * @param poseRates    {@code [poseDim]} step sizes
     * @param contextRates {@code [C]} step sizes
     */
    public static LatentPointCloud innerLoop(EquivariantCrossAttentionField field, LatentPointCloud start,
            Tensor poseRates, Tensor contextRates, Tensor coordinates, Tensor targets, int steps, MetaGradient mode) {
        checkTargets(field, start, coordinates, targets);
        checkRates(start, poseRates, contextRates);
        boolean outerGraph = GradMode.isEnabled();
        boolean secondOrder = outerGraph && mode == MetaGradient.SECOND_ORDER;
        Tensor poses = start.poses();
        Tensor contexts = start.contexts();
        // The inner steps need gradients even when the caller evaluates without them.
        try (GradMode.Scope ignored = GradMode.enabled()) {
            for (int s = 0; s < steps; s++) {
                if (!outerGraph || !poses.requiresGrad()) {
                    poses = poses.detach().requiresGrad(true);
                }
                if (!outerGraph || !contexts.requiresGrad()) {
                    contexts = contexts.detach().requiresGrad(true);
                }
                LatentPointCloud current = new LatentPointCloud(poses, contexts);
                Tensor loss = innerLoss(field, coordinates, targets, current);
                List<Tensor> g = Tensor.grad(List.of(loss), List.of(poses, contexts), secondOrder);
                poses = poses.sub(poseRates.mul(g.get(0)));
                contexts = contexts.sub(contextRates.mul(g.get(1)));
            }
        }
        LatentPointCloud fitted = new LatentPointCloud(poses, contexts);
        return outerGraph ? fitted : fitted.detach();
    }

    /** Σ over fields of each field's mean squared error: the inner objective. */
    public static Tensor innerLoss(EquivariantCrossAttentionField field, Tensor coordinates, Tensor targets,
            LatentPointCloud latents) {
        return field.forward(coordinates, latents).sub(targets).pow(2).mean(new int[] {1, 2}, false).sum();
    }

    /** The mean squared error of the decoded fields over every field, point and channel: the outer loss and the metric. */
    public static Tensor reconstructionLoss(EquivariantCrossAttentionField field, Tensor coordinates, Tensor targets,
            LatentPointCloud latents) {
        checkTargets(field, latents, coordinates, targets);
        return field.forward(coordinates, latents).sub(targets).pow(2).mean();
    }

    private static void checkTargets(EquivariantCrossAttentionField field, LatentPointCloud latents, Tensor coordinates,
            Tensor targets) {
        if (coordinates.rank() != 3 || targets.rank() != 3 || targets.size(0) != coordinates.size(0)
                || targets.size(1) != coordinates.size(1) || targets.size(2) != field.outChannels()
                || latents.batchSize() != coordinates.size(0)) {
            throw new ShapeMismatchException("MetaAutoDecoder: expected coordinates [B, Q, d] and targets [B, Q, "
                    + field.outChannels() + "] for latents of batch " + latents.batchSize() + " but were "
                    + Arrays.toString(coordinates.shape()) + " and " + Arrays.toString(targets.shape()));
        }
    }

    private static void checkRates(LatentPointCloud start, Tensor poseRates, Tensor contextRates) {
        if (poseRates.rank() != 1 || poseRates.size(0) != start.poseDim() || contextRates.rank() != 1
                || contextRates.size(0) != start.contextDim()) {
            throw new ShapeMismatchException("MetaAutoDecoder: expected step sizes [" + start.poseDim() + "] and ["
                    + start.contextDim() + "] for " + start + " but were " + Arrays.toString(poseRates.shape()) + " and "
                    + Arrays.toString(contextRates.shape()));
        }
    }

    public int innerSteps() {
        return innerSteps;
    }

    public MetaGradient mode() {
        return mode;
    }

    @Override
    public String toString() {
        return "MetaAutoDecoder(" + innerSteps + " inner steps, " + mode + ")";
    }
}
