package org.equivariant4j.graph.empcn;

/** How an {@link EmpcnLayer} couples node-to-node messages with the messages between cells. */
public enum EmpcnVariant {
    /**
     * Node-to-node messages pass through the edge cell they share ({@code φ(h_i, h_j, h_e, |x_i − x_j|², a_ij)}),
     * so the higher cells shape every message and every position update.
     */
    COUPLED,
    /**
     * Node-to-node messages are plain EGNN messages ({@code φ(h_i, h_j, |x_i − x_j|², a_ij)}) that alone move
     * the positions; the cells talk among themselves and reach the nodes through a separate co-boundary
     * message (edge → node) into the node update.
     */
    DECOUPLED
}
