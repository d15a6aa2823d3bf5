package org.equivariant4j.graph.egnn.nbody;

import java.util.ArrayList;
import java.util.List;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.module.Module;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.graph.Graph;
import org.equivariant4j.graph.message.LinearFactory;
import org.equivariant4j.graph.message.LinearSlot;
import org.equivariant4j.graph.message.MessageMlp;
import org.equivariant4j.graph.nbody.training.NBodyModel;
import org.equivariant4j.nn.activation.SiLU;
import org.equivariant4j.nn.layer.Linear;
import org.equivariant4j.nn.layer.MLP;

/**
 * The reference's non-equivariant baseline ({@code GNN}): node input {@code [x_i, v_i]} (6 numbers in 3D),
 * an embedding, {@code layers} residual message-passing layers (edge MLP on {@code [h_i, h_j, q_i q_j]},
 * sum aggregation, node MLP on {@code [h_i, Σ m_ij]}), and a decoder to absolute positions. Permutation
 * equivariant, not E(3) equivariant. The general form takes positions of any dimension and, optionally, the
 * node features as further inputs ({@code [x_i, v_i, f_i]}).
 */
public final class GnnNBodyModel extends Module implements NBodyModel {
    private final Linear embedding;
    private final List<MessageMlp> edges = new ArrayList<>();
    private final List<MessageMlp> nodes = new ArrayList<>();
    private final MLP decoder;
    private final boolean nodeFeatures;

    /** The reference's 3D baseline: input {@code [x_i, v_i]}. */
    public GnnNBodyModel(int hidden, int layerCount, Rng rng) {
        this(3, 0, hidden, layerCount, rng);
    }

    /**
     * The baseline for {@code dims}-dimensional positions, with {@code nodeFeatures} columns of node features
     * appended to its input (0: none, as the reference); it outputs {@code dims} numbers per node.
     */
    public GnnNBodyModel(int dims, int nodeFeatures, int hidden, int layerCount, Rng rng) {
        if (dims < 1 || nodeFeatures < 0) {
            throw new InvalidArgumentException("GnnNBodyModel: dims must be positive and node features non-negative, got "
                    + dims + " and " + nodeFeatures);
        }
        this.nodeFeatures = nodeFeatures > 0;
        this.embedding = registerModule("embedding", new Linear(2 * dims + nodeFeatures, hidden, rng));
        LinearFactory f = LinearFactory.standard();
        for (int i = 0; i < layerCount; i++) {
            edges.add(registerModule("edge" + i, MessageMlp.builder(LinearSlot.Role.EDGE, f, 2 * hidden, hidden, hidden)
                    .attributes(1).activation(SiLU::new).activateLast(true).rng(rng).build()));
            nodes.add(registerModule("node" + i, MessageMlp.builder(LinearSlot.Role.NODE, f, 2 * hidden, hidden, hidden)
                    .activation(SiLU::new).rng(rng).build()));
        }
        this.decoder = registerModule("decoder", new MLP(new int[] {hidden, hidden, dims}, SiLU::new, rng));
    }

    @Override
    public Tensor predict(Graph g) {
        Tensor input = nodeFeatures ? Tensors.concat(1, g.positions(), g.velocities(), g.features())
                : Tensors.concat(1, g.positions(), g.velocities());
        Tensor h = embedding.forward(input);
        Tensor receivers = g.receivers();
        int n = g.numNodes();
        for (int i = 0; i < edges.size(); i++) {
            Tensor m = edges.get(i).forward(Tensors.concat(1, h.indexSelect(0, receivers), h.indexSelect(0, g.senders())),
                    g.edgeAttributes());
            h = h.add(nodes.get(i).forward(Tensors.concat(1, h, m.segmentSum(receivers, n)), null));
        }
        return decoder.forward(h);
    }

    @Override
    public Module module() {
        return this;
    }

    @Override
    public String toString() {
        return "GnnNBodyModel(" + edges.size() + " layers)";
    }
}
