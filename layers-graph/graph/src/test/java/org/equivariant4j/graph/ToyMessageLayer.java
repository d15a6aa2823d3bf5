package org.equivariant4j.graph;

import org.equivariant4j.core.field.FieldType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.graph.message.LinearFactory;
import org.equivariant4j.graph.message.LinearSlot;
import org.equivariant4j.graph.message.MessageMlp;
import org.equivariant4j.nn.activation.SiLU;

/**
 * A small message-passing layer for testing the graph machinery: invariant messages from
 * {@code [h_i, h_j, |x_i - x_j|²]} and the edge attributes, positions moved along relative vectors and
 * velocities. {@code broken} adds the absolute first coordinate to the messages, which breaks E(n)
 * equivariance (translations) but not permutation equivariance; {@code mixesNodes} adds node 0's
 * features to every node, which breaks permutation equivariance but not E(n).
 */
final class ToyMessageLayer extends GraphLayer {
    private final MessageMlp edge;
    private final MessageMlp coordinate;
    private final boolean broken;
    private final boolean mixesNodes;

    ToyMessageLayer(FieldType type, int edgeAttributes, boolean broken, boolean mixesNodes, Rng rng) {
        super(type, type);
        int c = type.channels();
        this.edge = registerModule("edge", MessageMlp.builder(LinearSlot.Role.EDGE, LinearFactory.concatAtInput(), 2 * c + 1, 8, c)
                .attributes(edgeAttributes).activation(SiLU::new).rng(rng).build());
        this.coordinate = registerModule("coordinate", MessageMlp.builder(LinearSlot.Role.COORDINATE,
                LinearFactory.concatAtInput(), c, 8, 1).activation(SiLU::new).rng(rng).build());
        this.broken = broken;
        this.mixesNodes = mixesNodes;
    }

    @Override
    protected Graph apply(Graph g) {
        Tensor h = g.features();
        Tensor x = g.positions();
        Tensor hi = h.indexSelect(0, g.receivers());
        Tensor hj = h.indexSelect(0, g.senders());
        Tensor diff = x.indexSelect(0, g.receivers()).sub(x.indexSelect(0, g.senders()));
        Tensor radial = diff.mul(diff).sum(1, true);
        if (broken) {
            radial = radial.add(x.indexSelect(0, g.receivers()).narrow(1, 0, 1));
        }
        Tensor m = edge.forward(Tensors.concat(1, hi, hj, radial), g.edgeAttributes());
        Tensor moved = x.add(diff.mul(coordinate.forward(m, null)).segmentMean(g.receivers(), g.numNodes()));
        if (g.hasVelocities()) {
            moved = moved.add(g.velocities().mul(0.5));
        }
        Tensor out = h.add(m.segmentSum(g.receivers(), g.numNodes()));
        if (mixesNodes) {
            out = out.add(h.narrow(0, 0, 1));
        }
        return g.withNodes(outType(), out, moved);
    }
}
