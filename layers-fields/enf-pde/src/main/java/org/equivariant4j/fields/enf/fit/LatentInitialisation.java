package org.equivariant4j.fields.enf.fit;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.module.Module;
import org.equivariant4j.core.module.Parameter;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.fields.enf.bi.BiInvariant;
import org.equivariant4j.fields.enf.field.LatentPointCloud;

/**
 * What meta-learning learns besides the field: one shared starting latent point cloud (poses {@code [L, poseDim]},
 * contexts {@code [L, C]}) from which every new field is fitted, and meta-SGD's per-parameter inner learning rates
 * (Li et al. 2017): one per pose component ({@code [poseDim]}, so positions and angles get their own) and one per
 * context channel ({@code [C]}), as in the reference code. All four are trained by the outer loss.
 */
public final class LatentInitialisation extends Module {
    /** The range the reference keeps meta-SGD's learning rates in after each outer update. */
    public static final double MIN_LEARNING_RATE = 1e-6;
    public static final double MAX_LEARNING_RATE = 10;

    private final Parameter poses;
    private final Parameter contexts;
    private final Parameter poseLearningRates;
    private final Parameter contextLearningRates;

    /**
     * Float32 start: poses spread over the domain by {@link BiInvariant#samplePoses}, contexts N(0, 1), and the
     * given initial inner learning rates (the reference's planar heat uses 1 for poses and 5 for contexts).
     */
    public LatentInitialisation(BiInvariant biInvariant, int latents, int contextDim, double poseLearningRate,
            double contextLearningRate, Rng rng) {
        if (latents <= 0 || contextDim <= 0) {
            throw new InvalidArgumentException("LatentInitialisation: latents and contextDim must be positive, got "
                    + latents + " and " + contextDim);
        }
        if (!(poseLearningRate >= 0) || !(contextLearningRate >= 0)) {
            throw new InvalidArgumentException("LatentInitialisation: inner learning rates must be >= 0, got "
                    + poseLearningRate + " and " + contextLearningRate);
        }
        this.poses = registerParameter("poses", biInvariant.samplePoses(rng, latents, DType.FLOAT32));
        this.contexts = registerParameter("contexts", Tensors.randn(rng, DType.FLOAT32, latents, contextDim));
        this.poseLearningRates = registerParameter("poseLearningRates",
                Tensors.full(new int[] {biInvariant.poseDim()}, poseLearningRate, DType.FLOAT32));
        this.contextLearningRates = registerParameter("contextLearningRates",
                Tensors.full(new int[] {contextDim}, contextLearningRate, DType.FLOAT32));
    }

    /** The shared start for {@code batch} fields, {@code [batch, L, ...]}, connected to the parameters. */
    public LatentPointCloud expand(int batch) {
        Tensor p = poses.value();
        Tensor c = contexts.value();
        return new LatentPointCloud(p.unsqueeze(0).expand(batch, p.size(0), p.size(1)),
                c.unsqueeze(0).expand(batch, c.size(0), c.size(1)));
    }

    /** The inner learning rate of each pose component, {@code [poseDim]}. */
    public Tensor poseLearningRates() {
        return poseLearningRates.value();
    }

    /** The inner learning rate of each context channel, {@code [C]}. */
    public Tensor contextLearningRates() {
        return contextLearningRates.value();
    }

    /**
     * Keeps the learning rates in [{@link #MIN_LEARNING_RATE}, {@link #MAX_LEARNING_RATE}] (call after each outer
     * update): a negative rate would turn the inner steps into ascent.
     */
    public void clampLearningRates() {
        for (Parameter p : new Parameter[] {poseLearningRates, contextLearningRates}) {
            p.value().assign(p.value().detach().clamp(MIN_LEARNING_RATE, MAX_LEARNING_RATE));
        }
    }

    @Override
    public String toString() {
        return "LatentInitialisation(" + poses.shape()[0] + " latents, poses " + poses.shape()[1] + ", contexts "
                + contexts.shape()[1] + ")";
    }
}
