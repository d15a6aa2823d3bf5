package org.equivariant4j.fields.latentforce.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.field.FieldType;
import org.equivariant4j.core.group.Group;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.fields.latentforce.system.Trajectory;
import org.equivariant4j.graph.Connectivity;
import org.equivariant4j.graph.EdgeIndex;
import org.equivariant4j.graph.Graph;
import org.equivariant4j.graph.GraphFields;

/**
 * The states of a list of trajectories as device tensors, so that a batch is a few index selects: the
 * state-to-state examples (the state at frame t, the state at t + 1) of every trajectory, and the state of chosen
 * trajectories at one frame for rollouts. A state is a fully connected graph per trajectory: node feature the
 * coupling (charge or mass), positions, velocities, and the edge attribute {@code c_i c_j}.
 */
public final class Transitions {
    private final int trajectories;
    private final int frames;
    private final int particles;
    private final int dims;
    private final FieldType nodeType;
    private final FieldType edgeType;
    private final Tensor positions;
    private final Tensor velocities;
    private final Tensor couplings;
    private final double[] hostCouplings;
    private final Map<Integer, EdgeIndex> edgeTemplates = new HashMap<>();

    /** The states of {@code data}, node types over {@code group} (E(n) of the data's dimension), tensors in {@code dtype}. */
    public Transitions(List<Trajectory> data, Group group, DType dtype) {
        if (data.isEmpty()) {
            throw new InvalidArgumentException("Transitions: no trajectories");
        }
        Trajectory first = data.get(0);
        this.trajectories = data.size();
        this.frames = first.frames();
        this.particles = first.particles();
        this.dims = first.dims();
        if (frames < 2) {
            throw new InvalidArgumentException("Transitions: trajectories need at least 2 frames, got " + frames);
        }
        this.nodeType = GraphFields.scalars(group, 1);
        this.edgeType = GraphFields.invariantEdges(group, 1);
        int rows = trajectories * frames * particles;
        double[] x = new double[rows * dims];
        double[] v = new double[rows * dims];
        double[] c = new double[rows];
        hostCouplings = new double[trajectories * particles];
        for (int s = 0; s < trajectories; s++) {
            Trajectory t = data.get(s);
            if (t.frames() != frames || t.particles() != particles || t.dims() != dims) {
                throw new InvalidArgumentException("Transitions: trajectory " + s + " has " + t.frames() + " frames of "
                        + t.particles() + " particles in " + t.dims() + "D, trajectory 0 " + frames + " of " + particles
                        + " in " + dims + "D");
            }
            System.arraycopy(t.positions(), 0, x, s * frames * particles * dims, frames * particles * dims);
            System.arraycopy(t.velocities(), 0, v, s * frames * particles * dims, frames * particles * dims);
            System.arraycopy(t.couplings(), 0, hostCouplings, s * particles, particles);
            for (int f = 0; f < frames; f++) {
                System.arraycopy(t.couplings(), 0, c, (s * frames + f) * particles, particles);
            }
        }
        this.positions = Tensors.of(x, dtype, rows, dims);
        this.velocities = Tensors.of(v, dtype, rows, dims);
        this.couplings = Tensors.of(c, dtype, rows, 1);
    }

    /** State-to-state examples: {@code trajectories * (frames - 1)}. */
    public int size() {
        return trajectories * (frames - 1);
    }

    public int trajectories() {
        return trajectories;
    }

    public int frames() {
        return frames;
    }

    public int particles() {
        return particles;
    }

    public int dims() {
        return dims;
    }

    /** The examples {@code indices} (example e is trajectory e / (frames - 1) at frame e % (frames - 1)). */
    public TransitionBatch batch(int[] indices) {
        int[] trajectory = new int[indices.length];
        int[] frame = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            int e = indices[i];
            if (e < 0 || e >= size()) {
                throw new InvalidArgumentException("Transitions.batch: example " + e + " of " + size());
            }
            trajectory[i] = e / (frames - 1);
            frame[i] = e % (frames - 1);
        }
        Tensor targets = rows(trajectory, frame, 1);
        return new TransitionBatch(state(trajectory, frame), positions.indexSelect(0, targets),
                velocities.indexSelect(0, targets));
    }

    /** The states of {@code trajectory[i]} at {@code frame[i]}, one graph each, block-diagonal. */
    public Graph state(int[] trajectory, int[] frame) {
        int b = trajectory.length;
        Tensor index = rows(trajectory, frame, 0);
        int[] batchIds = new int[b * particles];
        for (int g = 0; g < b; g++) {
            for (int p = 0; p < particles; p++) {
                batchIds[g * particles + p] = g;
            }
        }
        EdgeIndex edges = edgeTemplates.computeIfAbsent(b, k -> Connectivity.fullyConnected(k, particles));
        int[] senders = edges.senders();
        int[] receivers = edges.receivers();
        double[] products = new double[edges.size()];
        for (int e = 0; e < products.length; e++) {
            int gs = senders[e] / particles;
            int gr = receivers[e] / particles;
            products[e] = hostCouplings[trajectory[gs] * particles + senders[e] % particles]
                    * hostCouplings[trajectory[gr] * particles + receivers[e] % particles];
        }
        return Graph.builder(nodeType).features(couplings.indexSelect(0, index)).positions(positions.indexSelect(0, index))
                .velocities(velocities.indexSelect(0, index)).edges(edges)
                .edgeAttributes(edgeType, Tensors.of(products, positions.dtype(), products.length, 1)).batch(batchIds, b)
                .build();
    }

    /** The true positions {@code [B * particles, dims]} of {@code trajectory[i]} at {@code frame[i]}. */
    public Tensor positionsAt(int[] trajectory, int[] frame) {
        return positions.indexSelect(0, rows(trajectory, frame, 0));
    }

    /** The true velocities {@code [B * particles, dims]} of {@code trajectory[i]} at {@code frame[i]}. */
    public Tensor velocitiesAt(int[] trajectory, int[] frame) {
        return velocities.indexSelect(0, rows(trajectory, frame, 0));
    }

    private Tensor rows(int[] trajectory, int[] frame, int offset) {
        int[] rows = new int[trajectory.length * particles];
        for (int g = 0; g < trajectory.length; g++) {
            int f = frame[g] + offset;
            if (trajectory[g] < 0 || trajectory[g] >= trajectories || f < 0 || f >= frames) {
                throw new InvalidArgumentException("Transitions: trajectory " + trajectory[g] + " frame " + f + " outside "
                        + trajectories + " trajectories of " + frames + " frames");
            }
            for (int p = 0; p < particles; p++) {
                rows[g * particles + p] = (trajectory[g] * frames + f) * particles + p;
            }
        }
        return Tensors.of(rows, rows.length);
    }
}
