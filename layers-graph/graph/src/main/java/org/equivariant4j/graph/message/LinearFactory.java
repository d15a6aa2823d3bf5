package org.equivariant4j.graph.message;

import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.nn.init.Initializer;

/**
 * Makes the linear pieces of message functions. Layers (EGNN, EMPCN, ...) build every MLP through one
 * factory, so conditioning schemes (weak/strong/pure, see the {@code conditioning} module) plug in without
 * editing the layers. {@link #concatAtInput()} is the standard choice: the attributes enter the first
 * layer of each MLP concatenated to its input.
 */
@FunctionalInterface
public interface LinearFactory {

    /**
     * The piece at {@code slot} mapping {@code in} to {@code out} features, offered {@code attributes}
     * attribute columns (0 when the layer has none for this role), with or without bias;
     * {@code weightInit} is a requested initialiser for the weight (null: the factory's default).
     */
    ConditionedLinear create(LinearSlot slot, int in, int out, int attributes, boolean bias, Initializer weightInit,
            Rng rng);

    /** Attributes concatenated to the input of the first piece of every MLP; later pieces are plain linear maps. */
    static LinearFactory concatAtInput() {
        return (slot, in, out, attributes, bias, init, rng) ->
                new ConcatLinear(in, out, slot.isFirst() ? attributes : 0, bias, init, rng);
    }
}
