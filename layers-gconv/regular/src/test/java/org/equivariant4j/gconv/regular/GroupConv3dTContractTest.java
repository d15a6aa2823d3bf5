package org.equivariant4j.gconv.regular;

import org.equivariant4j.core.layer.EquivariantLayer;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.groups.FiniteRotationGroup;
import org.equivariant4j.testkit.equivariance.EquivariantLayerContractTest;

/** The test kit's layer contract for {@link GroupConv3d} on FiniteRotationGroup.tetrahedral(): every element, float32 and float64. */
class GroupConv3dTContractTest extends EquivariantLayerContractTest {

    @Override
    protected EquivariantLayer createLayer(long seed) {
        return new GroupConv3d(FiniteRotationGroup.tetrahedral(), 2, 2, 3, new Rng(seed));
    }
}
