package org.equivariant4j.gconv.ccnn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.module.UnaryModule;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.nn.conv.Conv;
import org.equivariant4j.nn.layer.Linear;
import org.equivariant4j.nn.norm.BatchNorm;

/**
 * The continuous-kernel CNN (Knigge, Romero et al. 2023): a pointwise encoder to {@code hidden}
 * channels, {@code blocks} {@link CcnnBlock}s, a final batch norm, a readout (the last step for a
 * causal sequence model, the mean over all positions otherwise) and a linear classifier. One
 * class for sequences, images and volumes: only {@link CcnnConfig#dims()} changes. Input
 * {@code [N, inChannels, *spatial]}, output logits {@code [N, classes]}.
 */
public final class Ccnn extends UnaryModule {
    private final CcnnConfig config;
    private final Conv encoder;
    private final List<CcnnBlock> blocks = new ArrayList<>();
    private final BatchNorm norm;
    private final Linear head;

    public Ccnn(CcnnConfig config, Rng rng) {
        this.config = config;
        this.encoder = registerModule("encoder", Conv.builder(config.dims(), config.inChannels(), config.hidden(), 1)
                .dtype(config.dtype()).rng(rng).build());
        for (int b = 0; b < config.blocks(); b++) {
            blocks.add(registerModule("block" + b, new CcnnBlock(config, rng)));
        }
        this.norm = registerModule("norm", new BatchNorm(config.hidden(), 1e-5, 0.1, true, config.dtype()));
        this.head = registerModule("head", Linear.builder(config.hidden(), config.classes()).dtype(config.dtype()).rng(rng).build());
    }

    public CcnnConfig config() {
        return config;
    }

    public List<CcnnBlock> blocks() {
        return List.copyOf(blocks);
    }

    @Override
    public Tensor forward(Tensor input) {
        if (input.rank() != config.dims() + 2 || input.size(1) != config.inChannels()) {
            throw new ShapeMismatchException("Ccnn(" + config.dims() + "D): expected input [N, " + config.inChannels() + ", "
                    + config.dims() + " spatial dims] but was " + Arrays.toString(input.shape()));
        }
        Tensor h = encoder.forward(input);
        for (CcnnBlock block : blocks) {
            h = block.forward(h);
        }
        h = norm.forward(h);
        Tensor pooled;
        if (config.padding() == Padding.CAUSAL) {
            // [N, H, ..., last step]: the only output that has seen the whole (1D) sequence.
            Tensor last = h;
            for (int i = 2; i < h.rank(); i++) {
                last = last.narrow(i, h.size(i) - 1, 1);
            }
            pooled = last.reshape(h.size(0), config.hidden());
        } else {
            int[] spatialDims = new int[config.dims()];
            for (int i = 0; i < spatialDims.length; i++) {
                spatialDims[i] = 2 + i;
            }
            pooled = h.mean(spatialDims, false);
        }
        return head.forward(pooled);
    }

    @Override
    public String toString() {
        return "Ccnn(" + config.dims() + "D, " + config.inChannels() + " -> " + config.hidden() + " x " + config.blocks() + " blocks, "
                + config.conv() + ", " + config.classes() + " classes)";
    }
}
