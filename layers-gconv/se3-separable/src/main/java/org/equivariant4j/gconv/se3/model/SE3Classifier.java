package org.equivariant4j.gconv.se3.model;

import java.util.ArrayList;
import java.util.List;

import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.layer.EquivariantLayer;
import org.equivariant4j.core.module.UnaryModule;
import org.equivariant4j.core.tensor.PoolSpec;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.gconv.se3.RotationGrid;
import org.equivariant4j.gconv.se3.SE3GlobalPooling;
import org.equivariant4j.gconv.se3.SE3GroupConv;
import org.equivariant4j.gconv.se3.SE3LiftingConv;
import org.equivariant4j.gconv.se3.SE3SeparableConv;
import org.equivariant4j.nn.equivariant.EquivariantBatchNorm;
import org.equivariant4j.nn.equivariant.EquivariantSequential;
import org.equivariant4j.nn.equivariant.PointwiseNonlinearity;
import org.equivariant4j.nn.equivariant.SpatialPooling;
import org.equivariant4j.nn.layer.Linear;

/**
 * A rotation-invariant volume classifier: 2×2×2 average pooling of the input (cheap, and exact on even
 * sides), a lifting convolution onto the grid, then group convolutions (separable or full), each followed
 * by batch norm shared over each field's rotations ({@link EquivariantBatchNorm}) and ReLU, a 2×2×2 max pool after the lift, global pooling over
 * positions and rotations (maximum or mean) to invariant features, and a linear read-out. Input {@code [N, 1, S, S, S]}
 * with S divisible by 4; logits {@code [N, classes]}.
 */
public final class SE3Classifier extends UnaryModule {
    private final EquivariantSequential body;
    private final Linear head;
    private final PoolSpec inputPool = PoolSpec.of(3, 2);

    /**
     * @param fields  fields after the lift and in each group convolution (e.g. {4, 8, 8})
     * @param kernel  spatial kernel size of the lift; the group convolutions use 3
     */
    public SE3Classifier(RotationGrid grid, GroupLayerKind kind, int[] fields, int kernel, int classes,
            SE3GlobalPooling.Mode pooling, Rng rng) {
        List<EquivariantLayer> layers = new ArrayList<>();
        layers.add(new SE3LiftingConv(grid, 1, fields[0], kernel, 1, rng));
        addNormAndRelu(layers, grid, fields[0]);
        SpatialPooling pool = new SpatialPooling(grid.fieldType(fields[0]), SpatialPooling.Mode.MAX, 2);
        layers.add(grid.approximation().map(pool::declaring).orElse(pool));
        for (int l = 1; l < fields.length; l++) {
            layers.add(kind == GroupLayerKind.SEPARABLE ? new SE3SeparableConv(grid, fields[l - 1], fields[l], 3, 1, rng)
                    : new SE3GroupConv(grid, fields[l - 1], fields[l], 3, 1, rng));
            addNormAndRelu(layers, grid, fields[l]);
        }
        int last = fields[fields.length - 1];
        layers.add(new SE3GlobalPooling(grid, last, pooling));
        this.body = registerModule("body", new EquivariantSequential(layers));
        this.head = registerModule("head", new Linear(last, classes, rng));
    }

    private static void addNormAndRelu(List<EquivariantLayer> layers, RotationGrid grid, int fields) {
        layers.add(new EquivariantBatchNorm(grid.fieldType(fields)));
        layers.add(PointwiseNonlinearity.relu(grid.fieldType(fields)));
    }

    /** The typed part up to the invariant features. */
    public EquivariantSequential body() {
        return body;
    }

    @Override
    public Tensor forward(Tensor volumes) {
        Tensor x = volumes.avgPool(inputPool);
        Tensor features = body.forward(GeometricTensor.of(x, body.inType())).tensor();
        return head.forward(features);
    }
}
