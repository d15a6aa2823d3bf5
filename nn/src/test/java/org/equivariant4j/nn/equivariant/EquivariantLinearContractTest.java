package org.equivariant4j.nn.equivariant;

import static org.equivariant4j.nn.equivariant.EquivariantLinearTest.sum;

import org.equivariant4j.core.field.Domain;
import org.equivariant4j.core.field.FieldType;
import org.equivariant4j.core.group.Representation;
import org.equivariant4j.core.layer.EquivariantLayer;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.groups.DihedralGroup;
import org.equivariant4j.testkit.equivariance.EquivariantLayerContractTest;

/**
 * EquivariantLinear meets the kit's whole layer contract (every element of D4 in both dtypes, input gradients,
 * type checks, state dict round trip, parameter gradients, determinism) as a 1x1 convolution on a 2D grid,
 * with interleaved summand types on the output so the reordering is part of every check.
 */
class EquivariantLinearContractTest extends EquivariantLayerContractTest {
    private static final DihedralGroup D4 = DihedralGroup.of(4);

    @Override
    protected EquivariantLayer createLayer(long seed) {
        Representation regular = Representation.regular(D4);
        FieldType in = FieldType.of(Domain.grid(2), sum(regular, D4.irrep("(1,1)")));
        FieldType out = FieldType.of(Domain.grid(2), sum(D4.irrep("(1,0)"), regular, Representation.trivial(D4), regular));
        Rng rng = new Rng(seed);
        EquivariantLinear layer = new EquivariantLinear(in, out, rng);
        // Biases start at zero: draw them from the seed too, so every check sees a bias that could break equivariance.
        layer.namedParameters().forEach((name, p) -> {
            if (name.startsWith("bias")) {
                p.set(Tensors.randn(rng, p.value().dtype(), p.shape()));
            }
        });
        return layer;
    }
}
