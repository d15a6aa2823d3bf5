package org.equivariant4j.fields.latentforce.model;

import java.util.ArrayList;
import java.util.List;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.group.Group;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.graph.Graph;
import org.equivariant4j.graph.GraphFields;
import org.equivariant4j.graph.GraphLayer;
import org.equivariant4j.graph.message.LinearFactory;
import org.equivariant4j.graph.message.LinearSlot;
import org.equivariant4j.graph.message.MessageMlp;
import org.equivariant4j.groups.EuclideanGroup;
import org.equivariant4j.nn.activation.SiLU;
import org.equivariant4j.nn.layer.Linear;
import org.equivariant4j.nn.layer.MLP;

/**
 * Interactions in local canonical frames (LoCS-style, as the Aether paper's interaction network): every particle
 * reads its neighbours' relative states in its own frame ({@link LocalFrames}, from its velocity), messages are
 * plain MLPs of those invariant numbers, and the predicted acceleration, given in the particle's frame, is turned
 * back into global coordinates.
 * <ul>
 * <li>node input: the particle's own velocity in its frame ({@code v_i·e1_i}, the speed) and its coupling c_i;</li>
 * <li>edge attributes, receiver i, sender j, in i's frame: the relative position {@code x_j − x_i} (2 numbers),
 * the neighbour's velocity {@code v_j} (2), the squared distance and {@code c_i c_j};</li>
 * <li>{@code layers} residual message-passing layers (edge MLP on {@code [h_i, h_j]} and the edge attributes, SiLU,
 * sum aggregation, node MLP on {@code [h_i, Σ m_ij]}), then a decoder to 2 local numbers, rotated back.</li>
 * </ul>
 * Translation-invariant (only differences of positions enter), rotation- and permutation-equivariant; not
 * reflection-equivariant: the frame's second axis is the first turned by +90°, which a reflection turns by −90°
 * (LoCS's frames are rotations). 2D only (see {@link LocalFrames}). As a {@link GraphLayer}, like the N-body
 * EGNN, its output graph holds invariant hidden features and the positions moved by the predicted acceleration,
 * {@code x + a}, so the test kit checks it as it checks the EGNN.
 */
public final class LocalFrameInteractions extends GraphLayer {
    /** Edge attribute columns: local relative position (2), local neighbour velocity (2), squared distance, c_i c_j. */
    static final int EDGE_ATTRIBUTES = 6;

    private final Linear embedding;
    private final List<MessageMlp> edges = new ArrayList<>();
    private final List<MessageMlp> nodes = new ArrayList<>();
    private final MLP decoder;

    /** On graphs over {@code group} (E(2)) with one node feature, the coupling; {@code layers} layers of {@code hidden}. */
    public LocalFrameInteractions(Group group, int hidden, int layers, Rng rng) {
        super(GraphFields.scalars(group, 1), GraphFields.scalars(group, hidden));
        if (!(group instanceof EuclideanGroup e) || e.spaceDimension() != 2) {
            throw new InvalidArgumentException("LocalFrameInteractions: frames from the velocity alone are defined in 2D"
                    + " only (in 3D the roll about the velocity is free), got the group " + group.name());
        }
        if (hidden < 1 || layers < 1) {
            throw new InvalidArgumentException("LocalFrameInteractions: hidden and layers must be positive, got " + hidden
                    + " and " + layers);
        }
        this.embedding = registerModule("embedding", new Linear(2, hidden, rng));
        LinearFactory f = LinearFactory.standard();
        for (int i = 0; i < layers; i++) {
            edges.add(registerModule("edge" + i, MessageMlp.builder(LinearSlot.Role.EDGE, f, 2 * hidden, hidden, hidden)
                    .attributes(EDGE_ATTRIBUTES).activation(SiLU::new).activateLast(true).rng(rng).build()));
            nodes.add(registerModule("node" + i, MessageMlp.builder(LinearSlot.Role.NODE, f, 2 * hidden, hidden, hidden)
                    .activation(SiLU::new).rng(rng).build()));
        }
        this.decoder = registerModule("decoder", new MLP(new int[] {hidden, hidden, 2}, SiLU::new, rng));
    }

    @Override
    protected Graph apply(Graph g) {
        if (!g.hasVelocities() || g.edgeAttributes() == null || g.edgeAttributes().size(1) != 1) {
            throw new ShapeMismatchException(this + ": expects graphs with velocities and one edge attribute (c_i c_j), got "
                    + g);
        }
        Tensor x = g.positions();
        Tensor v = g.velocities();
        Tensor receivers = g.receivers();
        Tensor senders = g.senders();
        LocalFrames frames = LocalFrames.of(v);
        LocalFrames receiverFrames = frames.select(receivers);
        Tensor relative = x.indexSelect(0, senders).sub(x.indexSelect(0, receivers));
        Tensor attributes = Tensors.concat(1, receiverFrames.toLocal(relative),
                receiverFrames.toLocal(v.indexSelect(0, senders)), relative.mul(relative).sum(1, true), g.edgeAttributes());
        Tensor h = embedding.forward(Tensors.concat(1, frames.toLocal(v).narrow(1, 0, 1), g.features()));
        int n = g.numNodes();
        for (int i = 0; i < edges.size(); i++) {
            Tensor m = edges.get(i).forward(Tensors.concat(1, h.indexSelect(0, receivers), h.indexSelect(0, senders)),
                    attributes);
            h = h.add(nodes.get(i).forward(Tensors.concat(1, h, m.segmentSum(receivers, n)), null));
        }
        return g.withNodes(outType(), h, x.add(frames.toGlobal(decoder.forward(h))));
    }

    @Override
    public String toString() {
        return "LocalFrameInteractions(" + edges.size() + " layers, hidden " + outType().channels() + ")";
    }
}
