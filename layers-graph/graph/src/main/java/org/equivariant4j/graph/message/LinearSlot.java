package org.equivariant4j.graph.message;

import org.equivariant4j.core.error.InvalidArgumentException;

/**
 * Where a linear piece sits in a message-passing layer: the function it belongs to and its position in
 * that function's MLP ({@code index} of {@code depth}), so a {@link LinearFactory} can condition, say, only
 * the first layer of the edge MLP, or every layer.
 */
public record LinearSlot(Role role, int index, int depth) {

    /** The functions of a message-passing layer. */
    public enum Role {
        /** φ_e: edge messages from [h_i, h_j, invariants]; attributes are the edge attributes. */
        EDGE,
        /** φ_h: node update from [h_i, aggregated messages]; attributes are the node attributes. */
        NODE,
        /** φ_x: weight of the relative position in the coordinate update; attributes are the edge attributes. */
        COORDINATE,
        /** φ_v: weight of the velocity in the coordinate update; attributes are the node attributes. */
        VELOCITY,
        /** φ_inf: attention weight of a message; attributes are the edge attributes. */
        ATTENTION,
        /** Anything else: embeddings, decoders, cell messages of other layers. */
        OTHER
    }

    public LinearSlot {
        if (depth < 1 || index < 0 || index >= depth) {
            throw new InvalidArgumentException("LinearSlot: index must be in [0, depth), got " + index + " of " + depth);
        }
    }

    public boolean isFirst() {
        return index == 0;
    }

    public boolean isLast() {
        return index == depth - 1;
    }

    @Override
    public String toString() {
        return role.name().toLowerCase(java.util.Locale.ROOT) + "[" + index + "/" + depth + "]";
    }
}
