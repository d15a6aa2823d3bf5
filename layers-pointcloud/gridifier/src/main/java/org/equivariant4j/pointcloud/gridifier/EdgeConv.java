package org.equivariant4j.pointcloud.gridifier;

import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.graph.Graph;
import org.equivariant4j.graph.GraphFields;
import org.equivariant4j.graph.GraphLayer;
import org.equivariant4j.groups.EuclideanGroup;
import org.equivariant4j.nn.activation.ReLU;
import org.equivariant4j.nn.init.LinearDefault;
import org.equivariant4j.nn.layer.MLP;

/**
 * The point-native baseline's layer, DGCNN's edge convolution on a fixed kNN graph of the points (PointNet++'s
 * grouping by relative position): {@code h_i' = max_j φ([h_i, h_j − h_i, p_j − p_i])} over the edges j → i. A
 * {@link GraphLayer} so the graph module's permutation check applies to it. Its node types are declared over E(3)
 * because a graph layer's types need a group acting on R³, but the layer is equivariant only to node permutations
 * and translations: it feeds the raw relative position to an unconstrained MLP, so rotations change its output (as
 * DGCNN's and PointNet++'s do). Its cost grows with the number of edges, k per point: the scaling the gridifier
 * avoids.
 */
public final class EdgeConv extends GraphLayer {
    private final MLP message;

    public EdgeConv(int inChannels, int hidden, int outChannels, DType dtype, Rng rng) {
        super(GraphFields.scalars(EuclideanGroup.full(3), inChannels), GraphFields.scalars(EuclideanGroup.full(3), outChannels));
        this.message = registerModule("message", new MLP(new int[] {2 * inChannels + 3, hidden, outChannels}, ReLU::new,
                new LinearDefault(), dtype, rng));
    }

    @Override
    protected Graph apply(Graph g) {
        Tensor h = g.features();
        Tensor x = g.positions();
        Tensor hi = h.indexSelect(0, g.receivers());
        Tensor hj = h.indexSelect(0, g.senders());
        Tensor rel = x.indexSelect(0, g.senders()).sub(x.indexSelect(0, g.receivers()));
        Tensor m = message.forward(Tensors.concat(1, hi, hj.sub(hi), rel));
        return g.withNodes(outType(), m.segmentMax(g.receivers(), g.numNodes()), x);
    }
}
