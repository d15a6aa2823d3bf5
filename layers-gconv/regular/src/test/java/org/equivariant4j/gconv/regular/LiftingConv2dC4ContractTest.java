package org.equivariant4j.gconv.regular;

import org.equivariant4j.core.layer.EquivariantLayer;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.groups.CyclicGroup;
import org.equivariant4j.testkit.equivariance.EquivariantLayerContractTest;

/** The test kit's layer contract for {@link LiftingConv2d} on CyclicGroup.of(4): every element, float32 and float64. */
class LiftingConv2dC4ContractTest extends EquivariantLayerContractTest {

    @Override
    protected EquivariantLayer createLayer(long seed) {
        return new LiftingConv2d(CyclicGroup.of(4), 2, 3, 3, new Rng(seed));
    }
}
