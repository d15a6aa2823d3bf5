package org.equivariant4j.pointcloud.gridifier;

import java.util.Arrays;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.module.UnaryModule;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;

/**
 * Random Fourier features of relative positions (Tancik et al. 2020), the conditioning of gridification messages:
 * {@code x [E, 3] -> [sin(2π x B), cos(2π x B)] [E, 2F]} with a fixed matrix {@code B [3, F]} of
 * {@code N(0, σ²)} entries drawn once from the given stream. {@code B} is a buffer, not a parameter: it is saved
 * with the model but not trained. σ sets the frequencies the MLP after it can resolve: with relative positions of
 * a few grid spacings (≈ 0.25 on a 9³ grid over [-1, 1]), σ ≈ 1 makes the features vary over that scale.
 */
public final class RandomFourierEmbedding extends UnaryModule {
    private final int frequencies;
    private final double sigma;

    public RandomFourierEmbedding(int frequencies, double sigma, DType dtype, Rng rng) {
        if (frequencies <= 0 || !(sigma > 0)) {
            throw new InvalidArgumentException("RandomFourierEmbedding: needs frequencies > 0 and sigma > 0, got "
                    + frequencies + " and " + sigma);
        }
        this.frequencies = frequencies;
        this.sigma = sigma;
        registerBuffer("frequencies", Tensors.randn(rng, dtype, 3, frequencies).mul(2 * Math.PI * sigma));
    }

    /** Output width {@code 2F}. */
    public int outFeatures() {
        return 2 * frequencies;
    }

    @Override
    public Tensor forward(Tensor relative) {
        int[] s = relative.shape();
        if (s.length != 2 || s[1] != 3) {
            throw new ShapeMismatchException(this + ": expected relative positions [E, 3] but was " + Arrays.toString(s));
        }
        Tensor phase = relative.matmul(buffer("frequencies"));
        return Tensors.concat(1, phase.sin(), phase.cos());
    }

    @Override
    public String toString() {
        return "RandomFourierEmbedding(" + frequencies + " frequencies, sigma " + sigma + ")";
    }
}
