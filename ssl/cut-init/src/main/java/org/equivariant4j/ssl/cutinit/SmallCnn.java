package org.equivariant4j.ssl.cutinit;

import java.util.Arrays;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.module.UnaryModule;
import org.equivariant4j.core.tensor.PoolSpec;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.nn.activation.ReLU;
import org.equivariant4j.nn.conv.Conv;
import org.equivariant4j.nn.conv.Pool;
import org.equivariant4j.nn.layer.Sequential;
import org.equivariant4j.nn.norm.BatchNorm;

/**
 * The SSL backbone, small enough to train on a CPU in minutes: three 3x3 convolution blocks (BatchNorm, ReLU) of
 * {@code width}, 2·width and 4·width channels, 2x2 max pooling after the first two, global average pooling to a
 * {@code [N, 4·width]} feature vector (a ResNet's shape in miniature: conv, BN, ReLU, no max-pool stem).
 */
public final class SmallCnn extends UnaryModule {
    private final int inChannels;
    private final int width;
    private final Sequential layers;

    public SmallCnn(int inChannels, int width, Rng rng) {
        if (inChannels < 1 || width < 1) {
            throw new InvalidArgumentException("SmallCnn: expected positive channels and width but were " + inChannels + ", "
                    + width);
        }
        this.inChannels = inChannels;
        this.width = width;
        this.layers = registerModule("layers", new Sequential(
                conv(inChannels, width, rng), new BatchNorm(width), new ReLU(), Pool.max(PoolSpec.of(2, 2)),
                conv(width, 2 * width, rng), new BatchNorm(2 * width), new ReLU(), Pool.max(PoolSpec.of(2, 2)),
                conv(2 * width, 4 * width, rng), new BatchNorm(4 * width), new ReLU(), Pool.adaptiveAvg(1, 1)));
    }

    private static Conv conv(int in, int out, Rng rng) {
        return Conv.builder(2, in, out, 3).padding(1).bias(false).rng(rng).build();
    }

    /** Width of the feature vector. */
    public int features() {
        return 4 * width;
    }

    @Override
    public Tensor forward(Tensor images) {
        if (images.rank() != 4 || images.size(1) != inChannels || images.size(2) < 4 || images.size(3) < 4) {
            throw new ShapeMismatchException(this + ": expected images [N, " + inChannels + ", H >= 4, W >= 4] but was "
                    + Arrays.toString(images.shape()));
        }
        return layers.forward(images).reshape(images.size(0), features());
    }

    @Override
    public String toString() {
        return "SmallCnn(" + inChannels + " -> " + features() + ")";
    }
}
