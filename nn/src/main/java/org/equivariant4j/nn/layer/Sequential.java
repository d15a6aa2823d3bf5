package org.equivariant4j.nn.layer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.module.UnaryModule;
import org.equivariant4j.core.tensor.Tensor;

/**
 * Applies its layers one after the other. Layers are registered as children {@code "0"},
 * {@code "1"}, ..., so parameter paths read {@code "2.weight"}, as in PyTorch's {@code nn.Sequential}.
 */
public class Sequential extends UnaryModule {
    private final List<UnaryModule> layers;

    public Sequential(UnaryModule... layers) {
        this(List.of(layers));
    }

    public Sequential(List<? extends UnaryModule> layers) {
        if (layers.isEmpty()) {
            throw new InvalidArgumentException("Sequential: needs at least one layer");
        }
        List<UnaryModule> registered = new ArrayList<>(layers.size());
        for (int i = 0; i < layers.size(); i++) {
            registered.add(registerModule(Integer.toString(i), layers.get(i)));
        }
        this.layers = Collections.unmodifiableList(registered);
    }

    /** The layers in order. */
    public final List<UnaryModule> layers() {
        return layers;
    }

    /**
     * The layers in turn; a {@link Linear} followed by another layer runs through {@link Linear#forwardThen}, which
     * fuses ReLU and SiLU into the linear op (same values and gradients, fewer engine calls).
     */
    @Override
    public Tensor forward(Tensor input) {
        Tensor x = input;
        for (int i = 0; i < layers.size(); i++) {
            UnaryModule layer = layers.get(i);
            if (layer instanceof Linear linear && i + 1 < layers.size()) {
                x = linear.forwardThen(x, layers.get(++i));
            } else {
                x = layer.forward(x);
            }
        }
        return x;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(getClass().getSimpleName()).append('(');
        for (int i = 0; i < layers.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(layers.get(i));
        }
        return sb.append(')').toString();
    }
}
