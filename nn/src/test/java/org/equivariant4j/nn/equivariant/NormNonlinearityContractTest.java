package org.equivariant4j.nn.equivariant;

import static org.equivariant4j.nn.equivariant.EquivariantLinearTest.sum;

import org.equivariant4j.core.field.Domain;
import org.equivariant4j.core.field.FieldType;
import org.equivariant4j.core.group.Representation;
import org.equivariant4j.core.layer.EquivariantLayer;
import org.equivariant4j.core.module.Parameter;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.groups.CyclicGroup;
import org.equivariant4j.testkit.equivariance.EquivariantLayerContractTest;

/**
 * A nonlinearity under the kit's whole layer contract: the norm ReLU of C8 fields on a 2D point cloud (the
 * positions turn by multiples of 45 degrees, which a point cloud takes exactly), irreps of dimension 1 and 2
 * and the regular representation.
 */
class NormNonlinearityContractTest extends EquivariantLayerContractTest {
    private static final CyclicGroup C8 = CyclicGroup.of(8);

    @Override
    protected EquivariantLayer createLayer(long seed) {
        FieldType type = FieldType.of(Domain.points(2), sum(C8.irrep("1"), C8.irrep("4"), Representation.regular(C8),
                C8.irrep("3")));
        NormNonlinearity layer = new NormNonlinearity(type);
        // The bias starts at zero, where the norm ReLU is the identity: draw it, so some fields shrink or switch off.
        Parameter bias = layer.parameters().get(0);
        bias.set(Tensors.randn(new Rng(seed), bias.value().dtype(), bias.shape()));
        return layer;
    }
}
