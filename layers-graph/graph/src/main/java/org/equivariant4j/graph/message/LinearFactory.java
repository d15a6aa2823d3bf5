package org.equivariant4j.graph.message;

import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.nn.init.Initializer;

/**
 * Makes the linear pieces of message functions. Layers (EGNN, EMPCN, ...) build every MLP through one
 * factory, so conditioning schemes (weak/strong/pure, see the {@code conditioning} module) plug in without
 * editing the layers. {@link #standard()} is the EGNN reference's choice: edge (and node) attributes
 * enter the first layer of the edge (and node) MLP, concatenated to its input; the coordinate, velocity and
 * attention MLPs do not see them.
 */
@FunctionalInterface
public interface LinearFactory {

    /**
     * The piece at {@code slot} mapping {@code in} to {@code out} features, offered {@code attributes}
     * attribute columns (0 when the layer has none for this role), with or without bias;
     * {@code weightInit} is a requested initialiser for the weight (null: the factory's default).
     */
    MessageLinear create(LinearSlot slot, int in, int out, int attributes, boolean bias, Initializer weightInit,
            Rng rng);

    /**
     * Attributes concatenated to the input of the first piece of the {@link LinearSlot.Role#EDGE} and
     * {@link LinearSlot.Role#NODE} MLPs; every other piece is a plain linear map that ignores them.
     */
    static LinearFactory standard() {
        return (slot, in, out, attributes, bias, init, rng) -> {
            boolean uses = slot.isFirst() && (slot.role() == LinearSlot.Role.EDGE || slot.role() == LinearSlot.Role.NODE);
            return new AttributeConcatLinear(in, out, uses ? attributes : 0, bias, init, rng);
        };
    }

    /** Attributes concatenated to the input of the first piece of every MLP, whatever its role; later pieces are plain. */
    static LinearFactory concatAtInput() {
        return (slot, in, out, attributes, bias, init, rng) ->
                new AttributeConcatLinear(in, out, slot.isFirst() ? attributes : 0, bias, init, rng);
    }
}
