package org.equivariant4j.nn.layer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.module.UnaryModule;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.nn.init.Initializer;
import org.equivariant4j.nn.init.LinearDefault;

/**
 * A multi-layer perceptron: {@link Linear} layers of the given widths with an activation between
 * consecutive layers and none after the last (the output is logits or a regression value).
 * Parameters live under {@code layers.}, e.g. {@code layers.0.weight}, {@code layers.2.bias}.
 *
 * <pre>{@code
 * MLP mlp = new MLP(new int[] {2, 64, 64, 2}, ReLU::new, new Rng(42));   // 2 -> 64 -> 64 -> 2
 * }</pre>
 */
public final class MLP extends UnaryModule {
    private final int[] widths;
    private final Sequential layers;

    /** Float32, PyTorch's default initialisation. {@code activation} makes a fresh activation per gap. */
    public MLP(int[] widths, Supplier<? extends UnaryModule> activation, Rng rng) {
        this(widths, activation, new LinearDefault(), DType.FLOAT32, rng);
    }

    /**
     * @param widths      input width, hidden widths, output width (at least two entries)
     * @param activation  makes the activation placed after every layer but the last
     * @param weightInit  initialiser of every weight (biases keep PyTorch's default)
     * @param dtype       floating dtype of the parameters
     * @param rng         the random stream, drawn from layer by layer
     */
    public MLP(int[] widths, Supplier<? extends UnaryModule> activation, Initializer weightInit, DType dtype, Rng rng) {
        if (widths.length < 2) {
            throw new InvalidArgumentException("MLP: needs at least an input and an output width, got " + Arrays.toString(widths));
        }
        Objects.requireNonNull(activation, "activation");
        this.widths = widths.clone();
        List<UnaryModule> parts = new ArrayList<>();
        for (int i = 0; i + 1 < widths.length; i++) {
            parts.add(Linear.builder(widths[i], widths[i + 1]).weightInit(weightInit).dtype(dtype).rng(rng).build());
            if (i + 2 < widths.length) {
                parts.add(activation.get());
            }
        }
        this.layers = registerModule("layers", new Sequential(parts));
    }

    /** Input, hidden and output widths. */
    public int[] widths() {
        return widths.clone();
    }

    /** The underlying stack: Linear, activation, Linear, ..., Linear. */
    public Sequential layers() {
        return layers;
    }

    @Override
    public Tensor forward(Tensor input) {
        return layers.forward(input);
    }

    @Override
    public String toString() {
        return "MLP" + Arrays.toString(widths);
    }
}
