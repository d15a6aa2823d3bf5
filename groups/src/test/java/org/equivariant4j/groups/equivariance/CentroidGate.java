package org.equivariant4j.groups.equivariance;

import org.equivariant4j.core.field.Domain;
import org.equivariant4j.core.field.FieldType;
import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.group.Group;
import org.equivariant4j.core.group.Representation;
import org.equivariant4j.core.layer.EquivariantLayer;
import org.equivariant4j.core.module.Parameter;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;

/**
 * Scales each point's vector feature by {@code exp(-s |p - centroid|²)}: the gate is invariant under
 * rotations, reflections and translations of the cloud, so the layer is exactly E(n)-equivariant, and
 * it reads the positions, so a checker that forgot to move them would see an error.
 */
final class CentroidGate extends EquivariantLayer {
    private final Parameter scale;

    CentroidGate(Group group, long seed) {
        super(type(group), type(group));
        this.scale = registerParameter("scale", Tensors.uniform(new Rng(seed), 0.2, 0.8, DType.FLOAT32, 1));
    }

    static FieldType type(Group group) {
        Representation standard = Representation.standard(group);
        return FieldType.of(Domain.points(standard.dimension()), standard);
    }

    @Override
    protected GeometricTensor apply(GeometricTensor input) {
        Tensor p = input.positions();
        Tensor d2 = p.sub(p.mean(0, true)).pow(2.0).sum(1, true);
        Tensor gate = d2.mul(scale.value()).neg().exp();
        return GeometricTensor.ofPoints(input.tensor().mul(gate), p, outType());
    }
}
