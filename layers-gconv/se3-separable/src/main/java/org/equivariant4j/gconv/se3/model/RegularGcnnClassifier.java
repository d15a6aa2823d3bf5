package org.equivariant4j.gconv.se3.model;

import java.util.ArrayList;
import java.util.List;

import org.equivariant4j.core.field.FieldType;
import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.group.FiniteGroup;
import org.equivariant4j.core.layer.EquivariantLayer;
import org.equivariant4j.core.module.UnaryModule;
import org.equivariant4j.core.tensor.PoolSpec;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.gconv.regular.GroupConv3d;
import org.equivariant4j.gconv.regular.LiftingConv3d;
import org.equivariant4j.nn.equivariant.EquivariantBatchNorm;
import org.equivariant4j.nn.equivariant.EquivariantSequential;
import org.equivariant4j.nn.equivariant.GroupPooling;
import org.equivariant4j.nn.equivariant.PointwiseNonlinearity;
import org.equivariant4j.nn.equivariant.SpatialPooling;
import org.equivariant4j.nn.layer.Linear;

/**
 * The discrete regular G-CNN with {@link SE3Classifier}'s skeleton, built from {@code layers-gconv/regular}:
 * 2×2×2 average pooling of the input, a lifting convolution onto a finite rotation group (k³), 2×2×2 max
 * pooling, two group convolutions (3³) with full kernels on the group, each followed by batch norm (one
 * statistic per field) and ReLU, pooling over the group axis and then over positions (mean or maximum), and a
 * linear read-out. Exactly invariant to the group's rotations of a cubic volume. Input
 * {@code [N, 1, S, S, S]} with S divisible by 4; logits {@code [N, classes]}.
 */
public final class RegularGcnnClassifier extends UnaryModule {
    private final EquivariantSequential body;
    private final Linear head;
    private final PoolSpec inputPool = PoolSpec.of(3, 2);
    private final int features;

    /**
     * @param fields regular fields after the lift and in each group convolution (e.g. {1, 2, 2})
     * @param kernel spatial kernel size of the lift; the group convolutions use 3
     * @param max    global pooling by maximum instead of mean
     */
    public RegularGcnnClassifier(FiniteGroup group, int[] fields, int kernel, int classes, boolean max, Rng rng) {
        LiftingConv3d lift = new LiftingConv3d(group, 1, fields[0], kernel, rng);
        List<EquivariantLayer> layers = new ArrayList<>();
        layers.add(lift);
        addNormAndRelu(layers, lift.outType());
        layers.add(new SpatialPooling(lift.outType(), SpatialPooling.Mode.MAX, 2));
        FieldType type = lift.outType();
        for (int l = 1; l < fields.length; l++) {
            GroupConv3d conv = new GroupConv3d(group, fields[l - 1], fields[l], 3, rng);
            layers.add(conv);
            addNormAndRelu(layers, conv.outType());
            type = conv.outType();
        }
        GroupPooling groupPool = new GroupPooling(type, max ? GroupPooling.Mode.MAX : GroupPooling.Mode.MEAN);
        layers.add(groupPool);
        layers.add(SpatialPooling.global(groupPool.outType(), max ? SpatialPooling.Mode.MAX : SpatialPooling.Mode.MEAN));
        this.features = fields[fields.length - 1];
        this.body = registerModule("body", new EquivariantSequential(layers));
        this.head = registerModule("head", new Linear(features, classes, rng));
    }

    private static void addNormAndRelu(List<EquivariantLayer> layers, FieldType type) {
        layers.add(new EquivariantBatchNorm(type));
        layers.add(PointwiseNonlinearity.relu(type));
    }

    /** The typed part up to the invariant features ({@code [N, fields, 1, 1, 1]}). */
    public EquivariantSequential body() {
        return body;
    }

    @Override
    public Tensor forward(Tensor volumes) {
        int n = volumes.size(0);
        Tensor x = volumes.avgPool(inputPool);
        Tensor pooled = body.forward(GeometricTensor.of(x, body.inType())).tensor();
        return head.forward(pooled.reshape(n, features));
    }
}
