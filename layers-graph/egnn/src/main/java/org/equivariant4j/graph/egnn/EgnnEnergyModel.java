package org.equivariant4j.graph.egnn;

import java.util.ArrayList;
import java.util.List;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.group.Group;
import org.equivariant4j.core.tensor.GradMode;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.graph.Graph;
import org.equivariant4j.graph.GraphFields;
import org.equivariant4j.graph.GraphLayer;
import org.equivariant4j.nn.layer.Linear;

/**
 * An E(n)-invariant energy model with forces as its negative gradient, the standard way to learn
 * conservative force fields (as in SchNet, NequIP): EGNN layers that keep the positions fixed turn
 * node features and pairwise distances into invariant node features, a linear readout gives each
 * node's energy contribution, and the forces are {@code F = -dE/dx} of the total energy
 * {@code E = sum of the contributions}, computed by reverse-mode autodiff.
 *
 * <p>The output graph keeps the input's positions and edges; its node features are the energy
 * contribution (one invariant scalar) followed by the force (one vector field), type
 * {@link GraphFields#scalarsAndVectors}{@code (group, 1, 1)}. Because E is invariant under rigid
 * motions, F rotates with the positions and ignores translations: the layer is E(n)-equivariant and
 * the test kit checks it like any other layer.
 *
 * <p>When gradient recording is on (training), the forces are computed with
 * {@code Tensor.grad(..., createGraph = true)}, so a loss on the forces trains the parameters through
 * the second derivative of the energy. When it is off (evaluation), the forces are plain tensors.
 */
public final class EgnnEnergyModel extends GraphLayer {
    private final List<EgnnLayer> layers = new ArrayList<>();
    private final Linear readout;

    /** {@code depth} EGNN layers of {@code hidden} channels over node features of {@code in} channels, on {@code group}. */
    public EgnnEnergyModel(Group group, int in, int hidden, int depth, Rng rng) {
        super(GraphFields.scalars(group, in), GraphFields.scalarsAndVectors(group, 1, 1));
        if (depth < 1) {
            throw new InvalidArgumentException("EgnnEnergyModel: depth must be at least 1, got " + depth);
        }
        int channels = in;
        for (int i = 0; i < depth; i++) {
            layers.add(registerModule("layer" + i, EgnnLayer.builder(group, channels, hidden, hidden).updatePositions(false).residual(i > 0)
                    .rng(rng).build()));
            channels = hidden;
        }
        this.readout = registerModule("readout", new Linear(hidden, 1, rng));
    }

    /** The per-node energy contributions {@code [N, 1]} at the graph's positions (recorded when recording is on). */
    public Tensor nodeEnergies(Graph graph) {
        Graph cur = graph;
        for (EgnnLayer layer : layers) {
            cur = layer.forward(cur);
        }
        return readout.forward(cur.features());
    }

    @Override
    protected Graph apply(Graph graph) {
        boolean training = GradMode.isEnabled();
        Tensor x = graph.positions();
        Tensor energies;
        Tensor forces;
        try (GradMode.Scope ignored = GradMode.enabled()) {
            // The gradient needs a graph from the positions: a position tensor that has none gets a leaf of its own.
            Tensor positions = x.requiresGrad() ? x : x.detach().requiresGrad(true);
            energies = nodeEnergies(graph.withNodes(graph.nodeType(), graph.features(), positions));
            forces = Tensor.grad(List.of(energies.sum()), List.of(positions), training).get(0).neg();
        }
        if (!training) {
            energies = energies.detach();
        }
        return graph.withNodes(outType(), Tensors.concat(1, energies, forces), x);
    }
}
