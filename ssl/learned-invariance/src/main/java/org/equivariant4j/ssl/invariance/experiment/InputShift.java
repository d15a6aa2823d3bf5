package org.equivariant4j.ssl.invariance.experiment;

import org.equivariant4j.core.tensor.ConvSpec;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;

/**
 * Input distribution shifts applied to flattened {@code size x size} images ({@code [N, size*size]}) at test time, to
 * see whether a learned invariance survives inputs unlike the training data. Each commutes with the square's
 * symmetries (D4), so a shifted orbit is the orbit of a shifted image and a genuinely invariant model stays invariant:
 * a change in the metrics is the model's, not the shift's.
 */
public enum InputShift {
    /** Added Gaussian pixel noise of deviation {@code strength}. */
    NOISE("noise"),
    /** A 5x5 binomial blur ((1 4 6 4 1)ᵀ(1 4 6 4 1)/256, zero outside the image), applied {@code strength} times. */
    BLUR("blur"),
    /** Contrast multiplied by {@code strength} around each image's mean. */
    CONTRAST("contrast");

    private static final double[] BINOMIAL = {1, 4, 6, 4, 1};

    private final String label;

    InputShift(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The shifted images; noise draws from {@code rng}. */
    public Tensor apply(Tensor images, int size, double strength, Rng rng) {
        int n = images.size(0);
        return switch (this) {
            case NOISE -> images.add(Tensors.randn(rng, DType.FLOAT64, n, size * size).mul(strength).to(images.dtype()));
            case BLUR -> blur(images, size, (int) Math.round(strength));
            case CONTRAST -> {
                Tensor mean = images.mean(1, true);
                yield images.sub(mean).mul(strength).add(mean);
            }
        };
    }

    private static Tensor blur(Tensor images, int size, int times) {
        int n = images.size(0);
        double[] k = new double[25];
        for (int a = 0; a < 5; a++) {
            for (int b = 0; b < 5; b++) {
                k[a * 5 + b] = BINOMIAL[a] * BINOMIAL[b] / 256;
            }
        }
        Tensor kernel = Tensors.of(k, DType.FLOAT64, 1, 1, 5, 5).to(images.dtype());
        Tensor x = images.reshape(n, 1, size, size);
        for (int t = 0; t < times; t++) {
            x = x.conv(kernel, null, ConvSpec.of(2).withPadding(2));
        }
        return x.reshape(n, size * size);
    }
}
