package org.equivariant4j.fields.latentforce.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.group.Group;
import org.equivariant4j.core.module.Module;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.graph.Graph;
import org.equivariant4j.graph.GraphLayer;
import org.equivariant4j.graph.egnn.nbody.EgnnNBodyModel;
import org.equivariant4j.graph.egnn.nbody.GnnNBodyModel;
import org.equivariant4j.nn.loss.MseLoss;

/**
 * A forecaster of interacting particles: accelerations from the parts its {@link ForceModel} names, added, then
 * one step of constant acceleration over a frame interval {@code T}: {@code v' = v + T a},
 * {@code x' = x + T v + T² a / 2}. (A semi-implicit Euler step {@code x' = x + T v'} would ask the positions for
 * half the acceleration the velocities ask for: {@code T² a} against the true {@code T² a / 2}.)
 * <ul>
 * <li>the global field: {@code a_field = F_θ(x_i, c_i)} ({@link NeuralField});</li>
 * <li>the interactions: {@code a_int = I(x, v, c)_i - x_i}, the position update of the kind's
 * {@link InteractionNetwork}: the N-body EGNN ({@link EgnnNBodyModel}: edge attribute {@code c_i c_j}, velocity term)
 * or message passing in local frames ({@link LocalFrameInteractions}); a translation-invariant, rotation- and
 * permutation-equivariant vector either way, so this part passes the test kit on its own;</li>
 * <li>or, for the non-equivariant baseline, {@code a = GNN([x_i, v_i, c_i])} ({@link GnnNBodyModel}).</li>
 * </ul>
 * The sum is not equivariant when a field part is present: the field depends on absolute position, which is the
 * point of the method.
 */
public final class LatentForceModel extends Module {
    private static final MseLoss MSE = new MseLoss();
    private final ForceModel kind;
    private final double frameInterval;
    private final NeuralField field;
    private final GraphLayer interactions;
    private final GnnNBodyModel gnn;

    /** The sizes of the parts; the Aether code's field is 32 wide with RFF std 1, its EGNN 64 wide with 4 layers. */
    public record Sizes(int hidden, int layers, int fieldHidden, int fieldFeatures, double fieldStd) {
        public Sizes {
            if (hidden < 1 || layers < 1 || fieldHidden < 1 || fieldFeatures < 1 || !(fieldStd > 0)) {
                throw new InvalidArgumentException("LatentForceModel.Sizes: all sizes must be positive, got " + hidden + ", "
                        + layers + ", " + fieldHidden + ", " + fieldFeatures + ", " + fieldStd);
            }
        }
    }

    /**
     * @param group         E(n) of the data's dimension (the node types of the graphs)
     * @param frameInterval time between two frames (the integrator's step)
     */
    public LatentForceModel(ForceModel kind, Group group, int dims, double frameInterval, Sizes sizes, Rng rng) {
        this.kind = Objects.requireNonNull(kind, "kind");
        if (!(frameInterval > 0)) {
            throw new InvalidArgumentException("LatentForceModel: the frame interval must be positive, got " + frameInterval);
        }
        this.frameInterval = frameInterval;
        this.field = kind.hasField() ? registerModule("field",
                new NeuralField(dims, sizes.fieldFeatures(), sizes.fieldStd(), sizes.fieldHidden(), rng)) : null;
        this.interactions = kind.hasInteractions()
                ? registerModule("interactions", kind.interactions().create(group, sizes.hidden(), sizes.layers(), rng)) : null;
        this.gnn = kind.hasGnn() ? registerModule("gnn", new GnnNBodyModel(dims, 1, sizes.hidden(), sizes.layers(), rng)) : null;
    }

    public ForceModel kind() {
        return kind;
    }

    /** The neural field, or null for a model without one. */
    public NeuralField field() {
        return field;
    }

    /** The interaction network (its output positions are {@code x + a_int}), or null for a model without one. */
    public GraphLayer interactions() {
        return interactions;
    }

    /** The accelerations {@code [N, dims]} of the particles of {@code g}. */
    public Tensor acceleration(Graph g) {
        if (!g.hasVelocities() || g.features() == null || g.features().size(1) != 1) {
            throw new ShapeMismatchException(this + ": expects graphs with velocities and one node feature (the coupling), got "
                    + g);
        }
        List<Tensor> parts = new ArrayList<>(2);
        if (field != null) {
            parts.add(field.forward(g.positions(), g.features()));
        }
        if (interactions != null) {
            parts.add(interactions.forward(g).positions().sub(g.positions()));
        }
        if (gnn != null) {
            parts.add(gnn.predict(g));
        }
        Tensor a = parts.get(0);
        for (int i = 1; i < parts.size(); i++) {
            a = a.add(parts.get(i));
        }
        return a;
    }

    /** The next state: one integrator step with the predicted accelerations. */
    public State step(Graph g) {
        Tensor a = acceleration(g);
        Tensor v = g.velocities();
        return new State(g.positions().add(v.mul(frameInterval)).add(a.mul(0.5 * frameInterval * frameInterval)),
                v.add(a.mul(frameInterval)));
    }

    /**
     * The training loss on state-to-state examples: the MSE of the predicted next positions plus the MSE of the
     * predicted next velocities (the Aether code trains on both).
     */
    public Tensor loss(TransitionBatch batch) {
        State next = step(batch.graph());
        return MSE.compute(next.positions(), batch.nextPositions()).add(MSE.compute(next.velocities(), batch.nextVelocities()));
    }

    /** {@code steps} states after {@code g}'s, each predicted from the previous prediction. */
    public List<State> rollout(Graph g, int steps) {
        List<State> out = new ArrayList<>(steps);
        Graph current = g;
        for (int s = 0; s < steps; s++) {
            State next = step(current);
            out.add(next);
            current = current.withNodes(current.nodeType(), current.features(), next.positions())
                    .withVelocities(next.velocities());
        }
        return out;
    }

    @Override
    public String toString() {
        return "LatentForceModel(" + kind.id() + ")";
    }
}
