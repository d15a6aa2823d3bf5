package org.equivariant4j.pointcloud.gridifier;

import org.equivariant4j.core.module.UnaryModule;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.nn.conv.Conv;
import org.equivariant4j.nn.norm.BatchNorm;

/** The dense grid block: a 3×3×3 convolution that keeps the grid's size, batch norm, ReLU ({@code [B, C, s, s, s]}). */
public final class ConvBlock3d extends UnaryModule {
    private final Conv conv;
    private final BatchNorm norm;

    public ConvBlock3d(int inChannels, int outChannels, DType dtype, Rng rng) {
        this.conv = registerModule("conv", Conv.builder(3, inChannels, outChannels, 3).padding(1).bias(false).dtype(dtype)
                .rng(rng).build());
        this.norm = registerModule("norm", new BatchNorm(outChannels, 1e-5, 0.1, true, dtype));
    }

    @Override
    public Tensor forward(Tensor input) {
        return norm.forward(conv.forward(input)).relu();
    }
}
