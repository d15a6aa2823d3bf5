package org.equivariant4j.gconv.regular.experiment;

import org.equivariant4j.core.field.FieldType;
import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.group.FiniteGroup;
import org.equivariant4j.core.module.Module;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.gconv.regular.GroupConv2d;
import org.equivariant4j.gconv.regular.LiftingConv2d;
import org.equivariant4j.nn.equivariant.EquivariantBatchNorm;
import org.equivariant4j.nn.equivariant.EquivariantSequential;
import org.equivariant4j.nn.equivariant.GroupPooling;
import org.equivariant4j.nn.equivariant.PointwiseNonlinearity;
import org.equivariant4j.nn.equivariant.SpatialPooling;
import org.equivariant4j.nn.layer.Linear;

/**
 * An H-invariant image classifier: lifting convolution (5x5) → batch norm → ReLU → 2x2 max pool → group
 * convolution (3x3) → batch norm → ReLU → 2x2 max pool → group convolution (3x3, twice the fields) → batch norm
 * → ReLU → max over the group axis → global mean over space →
 * linear read-out. With H = C1 (the trivial group) every layer is an ordinary one and this is a plain CNN of
 * the same shape, so the comparison differs only in the group. Input: flattened images {@code [N, size*size]}
 * ({@code size} a multiple of 4, so both poolings tile the grid).
 */
public final class GroupCnn extends Module {
    private final int size;
    private final int fields;
    private final EquivariantSequential body;
    private final Linear head;

    public GroupCnn(FiniteGroup group, int size, int fields, int classes, Rng rng) {
        this.size = size;
        this.fields = fields;
        LiftingConv2d lift = new LiftingConv2d(group, 1, fields, 5, rng);
        FieldType hidden = lift.outType();
        // The last layer is twice as wide: group pooling leaves one invariant feature per field for the read-out.
        GroupConv2d last = new GroupConv2d(group, fields, 2 * fields, 3, rng);
        FieldType wide = last.outType();
        GroupPooling groupPool = new GroupPooling(wide, GroupPooling.Mode.MAX);
        this.body = registerModule("body", new EquivariantSequential(
                lift, new EquivariantBatchNorm(hidden), PointwiseNonlinearity.relu(hidden),
                new SpatialPooling(hidden, SpatialPooling.Mode.MAX, 2),
                new GroupConv2d(group, fields, fields, 3, rng), new EquivariantBatchNorm(hidden), PointwiseNonlinearity.relu(hidden),
                new SpatialPooling(hidden, SpatialPooling.Mode.MAX, 2),
                last, new EquivariantBatchNorm(wide), PointwiseNonlinearity.relu(wide),
                groupPool, SpatialPooling.global(groupPool.outType(), SpatialPooling.Mode.MEAN)));
        this.head = registerModule("head", new Linear(2 * fields, classes, rng));
    }

    /** Logits {@code [N, classes]} of flattened images {@code [N, size*size]}. */
    public Tensor forward(Tensor images) {
        int n = images.size(0);
        Tensor x = images.reshape(n, 1, size, size);
        Tensor pooled = body.forward(GeometricTensor.of(x, body.inType())).tensor();
        return head.forward(pooled.reshape(n, 2 * fields));
    }
}
