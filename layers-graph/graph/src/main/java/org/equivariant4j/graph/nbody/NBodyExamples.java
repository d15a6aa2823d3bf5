package org.equivariant4j.graph.nbody;

import java.util.HashMap;
import java.util.Map;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.field.FieldType;
import org.equivariant4j.core.group.Group;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.graph.Connectivity;
import org.equivariant4j.graph.EdgeIndex;
import org.equivariant4j.graph.Graph;
import org.equivariant4j.graph.GraphFields;

/**
 * The (input, target) pairs of one split for a {@link NBodyTask}, held as device tensors so a batch is a
 * few index selects: {@link #batch(int[])} gives fully connected five-body graphs (node feature: the
 * charge; positions and velocities at the input frame; edge attribute: the charge product {@code q_i q_j})
 * and the target positions.
 */
public final class NBodyExamples {
    private final int samples;
    private final int particles;
    private final FieldType nodeType;
    private final FieldType edgeType;
    private final Tensor positions;
    private final Tensor velocities;
    private final Tensor charges;
    private final Tensor targets;
    private final float[] hostCharges;
    private final double horizon;
    private final double[] hostInputs;
    private final double[] hostVelocities;
    private final double[] hostTargets;
    private final Map<Integer, EdgeIndex> edgeTemplates = new HashMap<>();

    /** The examples of {@code split} for {@code task}; node types over {@code group} (e.g. E(3)), tensors in {@code dtype}. */
    public NBodyExamples(NBodySplit split, NBodyTask task, NBodyConfig config, Group group, DType dtype) {
        if (task.targetFrame() >= split.frames()) {
            throw new InvalidArgumentException("NBodyExamples: target frame " + task.targetFrame() + " but trajectories have "
                    + split.frames() + " frames");
        }
        this.samples = split.samples();
        this.particles = split.particles();
        this.nodeType = GraphFields.scalars(group, 1);
        this.edgeType = GraphFields.invariantEdges(group, 1);
        int rows = samples * particles;
        hostInputs = new double[rows * 3];
        hostVelocities = new double[rows * 3];
        hostTargets = new double[rows * 3];
        double[] q = new double[rows];
        for (int s = 0; s < samples; s++) {
            for (int p = 0; p < particles; p++) {
                int row = s * particles + p;
                q[row] = split.charges()[row];
                for (int d = 0; d < 3; d++) {
                    hostInputs[row * 3 + d] = split.at(split.positions(), s, task.inputFrame(), p, d);
                    hostVelocities[row * 3 + d] = split.at(split.velocities(), s, task.inputFrame(), p, d);
                    hostTargets[row * 3 + d] = split.at(split.positions(), s, task.targetFrame(), p, d);
                }
            }
        }
        this.hostCharges = split.charges().clone();
        this.positions = Tensors.of(hostInputs, dtype, rows, 3);
        this.velocities = Tensors.of(hostVelocities, dtype, rows, 3);
        this.targets = Tensors.of(hostTargets, dtype, rows, 3);
        this.charges = Tensors.of(q, dtype, rows, 1);
        this.horizon = task.horizon(config);
    }

    public int size() {
        return samples;
    }

    public int particles() {
        return particles;
    }

    public FieldType nodeType() {
        return nodeType;
    }

    /** A batch: the graphs of {@code sampleIndices} (block-diagonal) and their target positions {@code [B*n, 3]}. */
    public NBodyBatch batch(int[] sampleIndices) {
        int b = sampleIndices.length;
        int[] rows = new int[b * particles];
        int[] batchIds = new int[b * particles];
        for (int g = 0; g < b; g++) {
            int s = sampleIndices[g];
            if (s < 0 || s >= samples) {
                throw new IndexOutOfBoundsException("NBodyExamples: sample " + s + " of " + samples);
            }
            for (int p = 0; p < particles; p++) {
                rows[g * particles + p] = s * particles + p;
                batchIds[g * particles + p] = g;
            }
        }
        EdgeIndex edges = edgeTemplates.computeIfAbsent(b, k -> Connectivity.fullyConnected(k, particles));
        int[] senders = edges.senders();
        int[] receivers = edges.receivers();
        double[] products = new double[edges.size()];
        for (int e = 0; e < products.length; e++) {
            products[e] = hostCharges[rows[senders[e]]] * hostCharges[rows[receivers[e]]];
        }
        Tensor index = Tensors.of(rows, rows.length);
        Graph graph = Graph.builder(nodeType).features(charges.indexSelect(0, index))
                .positions(positions.indexSelect(0, index)).velocities(velocities.indexSelect(0, index)).edges(edges)
                .edgeAttributes(edgeType, Tensors.of(products, positions.dtype(), products.length, 1))
                .batch(batchIds, b).build();
        return new NBodyBatch(graph, targets.indexSelect(0, index));
    }

    /** MSE of predicting the input positions (no motion). */
    public double staticMse() {
        return mse(0.0);
    }

    /** MSE of the constant-velocity predictor {@code x + horizon v}: the trivial baseline a model must beat. */
    public double constantVelocityMse() {
        return mse(horizon);
    }

    private double mse(double t) {
        double sum = 0;
        for (int i = 0; i < hostTargets.length; i++) {
            double d = hostInputs[i] + t * hostVelocities[i] - hostTargets[i];
            sum += d * d;
        }
        return sum / hostTargets.length;
    }
}
