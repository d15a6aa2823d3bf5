package org.equivariant4j.gconv.se3.model;

import org.equivariant4j.core.module.Parameter;
import org.equivariant4j.core.module.UnaryModule;
import org.equivariant4j.core.tensor.ConvSpec;
import org.equivariant4j.core.tensor.PoolSpec;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.nn.layer.Linear;
import org.equivariant4j.nn.norm.BatchNorm;

/**
 * The plain 3D CNN baseline with the same skeleton as {@link SE3Classifier}: 2×2×2 average pooling of the
 * input, a k³ convolution, 2×2×2 max pooling, 3³ convolutions, each followed by batch norm and ReLU, global
 * max (or mean) pooling and a linear read-out. Channel widths are chosen to match the G-CNN's parameter count.
 */
public final class Cnn3dClassifier extends UnaryModule {
    private final Parameter[] weights;
    private final Parameter[] biases;
    private final BatchNorm[] norms;
    private final ConvSpec[] specs;
    private final Linear head;
    private final PoolSpec pool = PoolSpec.of(3, 2);
    private final boolean maxPooling;

    public Cnn3dClassifier(int[] channels, int kernel, int classes, boolean maxPooling, Rng rng) {
        this.maxPooling = maxPooling;
        int layers = channels.length;
        weights = new Parameter[layers];
        biases = new Parameter[layers];
        norms = new BatchNorm[layers];
        specs = new ConvSpec[layers];
        int in = 1;
        for (int l = 0; l < layers; l++) {
            int k = l == 0 ? kernel : 3;
            weights[l] = registerParameter("conv" + l + "_weight", Tensors.randn(rng, channels[l], in, k, k, k)
                    .mul(Math.sqrt(2.0 / (in * k * k * k))));
            biases[l] = registerParameter("conv" + l + "_bias", Tensors.zeros(channels[l]));
            norms[l] = registerModule("norm" + l, new BatchNorm(channels[l]));
            specs[l] = ConvSpec.of(3).withPadding(k / 2);
            in = channels[l];
        }
        head = registerModule("head", new Linear(in, classes, rng));
    }

    @Override
    public Tensor forward(Tensor volumes) {
        Tensor x = volumes.avgPool(pool);
        for (int l = 0; l < weights.length; l++) {
            x = norms[l].forward(x.conv(weights[l].value(), biases[l].value(), specs[l])).relu();
            if (l == 0) {
                x = x.maxPool(pool);
            }
        }
        int n = x.size(0);
        Tensor flat = x.reshape(n, x.size(1), -1);
        return head.forward(maxPooling ? flat.max(2, false) : flat.mean(2, false));
    }
}
