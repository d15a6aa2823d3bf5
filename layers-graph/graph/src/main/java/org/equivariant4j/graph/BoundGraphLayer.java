package org.equivariant4j.graph;

import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.layer.EquivariantLayer;

/** A {@link GraphLayer} on one fixed topology, as a core layer on packed node fields (see {@link GraphLayer#bind}). */
final class BoundGraphLayer extends EquivariantLayer {
    private final GraphLayer layer;
    private final Graph topology;
    private final boolean velocities;

    BoundGraphLayer(GraphLayer layer, Graph topology) {
        super(GraphFields.packedType(layer.inType(), topology.hasVelocities()),
                GraphFields.packedType(layer.outType(), topology.hasVelocities()));
        this.layer = registerModule("layer", layer);
        this.topology = topology;
        this.velocities = topology.hasVelocities();
    }

    @Override
    protected GeometricTensor apply(GeometricTensor input) {
        Graph template = topology.dtype() == input.tensor().dtype() ? topology : topology.to(input.tensor().dtype());
        Graph g = GraphFields.unpack(template, layer.inType(), velocities, input);
        return GraphFields.pack(layer.forward(g));
    }

    @Override
    public String toString() {
        return layer + " on " + topology;
    }
}
