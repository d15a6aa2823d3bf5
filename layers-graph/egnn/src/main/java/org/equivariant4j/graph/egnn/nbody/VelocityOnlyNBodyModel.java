package org.equivariant4j.graph.egnn.nbody;

import org.equivariant4j.core.group.Group;
import org.equivariant4j.core.module.Module;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.graph.Graph;
import org.equivariant4j.graph.egnn.EgnnLayer;
import org.equivariant4j.graph.nbody.training.NBodyModel;

/**
 * A learned constant-velocity predictor, blind to the other particles: one velocity-variant EGNN layer with
 * its coordinate messages switched off, so each particle moves by {@code φ_v(h_i) v_i} alone. It is the
 * negative control of the N-body training tests: a model that does not use the interactions must fail the
 * bounds a working EGNN or EMPCN passes (it ends near 0.76 of the constant-velocity MSE where the EGNN ends near
 * 0.16, see the egnn README).
 */
public final class VelocityOnlyNBodyModel extends Module implements NBodyModel {
    private final EgnnLayer layer;

    public VelocityOnlyNBodyModel(Group group, int hidden, Rng rng) {
        this.layer = registerModule("layer", EgnnLayer.builder(group, 1, hidden, 1).edgeAttributes(1).velocity(true)
                .updatePositions(false).rng(rng).build());
    }

    @Override
    public Tensor predict(Graph graph) {
        return layer.forward(graph).positions();
    }

    @Override
    public Module module() {
        return this;
    }

    @Override
    public String toString() {
        return "VelocityOnlyNBodyModel(" + layer + ")";
    }
}
