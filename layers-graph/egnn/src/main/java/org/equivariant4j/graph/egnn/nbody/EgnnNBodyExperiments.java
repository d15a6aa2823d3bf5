package org.equivariant4j.graph.egnn.nbody;

import org.equivariant4j.graph.nbody.training.NBodyExperiment;

/**
 * The EGNN module's charged N-body experiments, on the graph module's {@link NBodyExperiment} protocol:
 * {@code nbody-egnn} trains the EGNN (velocity variant), {@code nbody-gnn} the reference's non-equivariant
 * GNN baseline.
 */
public final class EgnnNBodyExperiments {
    private EgnnNBodyExperiments() {
    }

    /** {@code nbody-egnn}: {@link EgnnNBodyModel}. */
    public static NBodyExperiment egnn() {
        return new NBodyExperiment("nbody-egnn", "EGNN (velocity variant)", EgnnNBodyModel::new);
    }

    /** {@code nbody-gnn}: {@link GnnNBodyModel}. */
    public static NBodyExperiment gnn() {
        return new NBodyExperiment("nbody-gnn", "GNN baseline",
                (group, hidden, layers, rng) -> new GnnNBodyModel(hidden, layers, rng));
    }
}
