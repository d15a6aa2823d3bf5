package org.equivariant4j.fields.latentforce.model;

import org.equivariant4j.core.group.Group;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.graph.GraphLayer;
import org.equivariant4j.graph.egnn.nbody.EgnnNBodyModel;

/**
 * The equivariant networks a {@link LatentForceModel} can model the particles' interactions with. Each is a
 * {@link GraphLayer} whose output positions are the input positions moved by the interaction acceleration.
 */
public enum InteractionNetwork {
    /** The project's N-body EGNN ({@link EgnnNBodyModel}): E(n)-equivariant, any dimension. */
    EGNN,
    /** Message passing in local canonical frames from the velocities ({@link LocalFrameInteractions}): SE(2), 2D only. */
    LOCAL_FRAMES;

    /** The network on graphs over {@code group}, {@code layers} layers of {@code hidden} channels. */
    public GraphLayer create(Group group, int hidden, int layers, Rng rng) {
        return switch (this) {
            case EGNN -> new EgnnNBodyModel(group, hidden, layers, rng);
            case LOCAL_FRAMES -> new LocalFrameInteractions(group, hidden, layers, rng);
        };
    }
}
