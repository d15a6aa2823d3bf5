package org.equivariant4j.ssl.method;

import java.util.ArrayList;
import java.util.List;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.module.UnaryModule;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.nn.activation.ReLU;
import org.equivariant4j.nn.layer.Linear;
import org.equivariant4j.nn.layer.Sequential;
import org.equivariant4j.nn.norm.BatchNorm;

/**
 * A two-layer projector or predictor head {@code Linear -> [BatchNorm] -> ReLU -> Linear}, as SimCLR's projector
 * (no norm) and BYOL's/SimSiam's projector and predictor (with the norm).
 */
public final class MlpHead extends Sequential {

    public MlpHead(int in, int hidden, int out, boolean batchNorm, Rng rng) {
        super(layers(in, hidden, out, batchNorm, rng));
    }

    private static List<UnaryModule> layers(int in, int hidden, int out, boolean batchNorm, Rng rng) {
        if (in < 1 || hidden < 1 || out < 1) {
            throw new InvalidArgumentException("MlpHead: expected positive widths but were " + in + " -> " + hidden + " -> " + out);
        }
        List<UnaryModule> layers = new ArrayList<>();
        layers.add(new Linear(in, hidden, rng));
        if (batchNorm) {
            layers.add(new BatchNorm(hidden));
        }
        layers.add(new ReLU());
        layers.add(new Linear(hidden, out, rng));
        return layers;
    }
}
