package org.equivariant4j.nn.layer;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.module.UnaryModule;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;

/**
 * Random Fourier features (Tancik et al. 2020): {@code x ↦ [cos(2π x B), sin(2π x B)]} over the last
 * dimension of {@code [N, in]} inputs, with a fixed {@code [in, features]} matrix {@code B} of
 * {@code N(0, std²)} entries drawn once from the given {@link Rng}. The embedding lets an MLP that follows
 * it fit functions of frequency up to about {@code std} per unit of input; {@code B} is a buffer (in the
 * state dict, so a checkpoint restores the same embedding) and is not trained.
 */
public final class RandomFourierFeatures extends UnaryModule {
    private static final String MATRIX = "frequencies";
    private final int inFeatures;
    private final int features;

    /** A float32 embedding of {@code in}-dimensional inputs into {@code 2 * features} numbers. */
    public RandomFourierFeatures(int inFeatures, int features, double std, Rng rng) {
        if (inFeatures <= 0 || features <= 0) {
            throw new InvalidArgumentException("RandomFourierFeatures: sizes must be positive, got in " + inFeatures
                    + ", features " + features);
        }
        if (!(std > 0) || Double.isInfinite(std)) {
            throw new InvalidArgumentException("RandomFourierFeatures: std must be positive and finite, got " + std);
        }
        this.inFeatures = inFeatures;
        this.features = features;
        registerBuffer(MATRIX, Tensors.randn(rng, DType.FLOAT32, inFeatures, features).mul(2 * Math.PI * std));
    }

    /** Numbers per input row: {@code 2 * features}. */
    public int outFeatures() {
        return 2 * features;
    }

    /** The fixed {@code [in, features]} matrix {@code 2π B}. */
    public Tensor frequencies() {
        return buffer(MATRIX);
    }

    @Override
    public Tensor forward(Tensor x) {
        if (x.rank() != 2 || x.size(1) != inFeatures) {
            throw new ShapeMismatchException("RandomFourierFeatures: expected [N, " + inFeatures + "] input, got "
                    + java.util.Arrays.toString(x.shape()));
        }
        Tensor phase = x.matmul(buffer(MATRIX));
        return Tensors.concat(1, phase.cos(), phase.sin());
    }

    @Override
    public String toString() {
        return "RandomFourierFeatures(" + inFeatures + " -> " + outFeatures() + ")";
    }
}
