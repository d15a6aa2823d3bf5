package org.equivariant4j.gconv.regular;

import org.equivariant4j.core.layer.EquivariantLayer;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.groups.CubicGroup;
import org.equivariant4j.testkit.equivariance.EquivariantLayerContractTest;

/** The test kit's layer contract for {@link LiftingConv3d} on CubicGroup.fullOctahedral(): every element, float32 and float64. */
class LiftingConv3dOhContractTest extends EquivariantLayerContractTest {

    @Override
    protected EquivariantLayer createLayer(long seed) {
        return new LiftingConv3d(CubicGroup.fullOctahedral(), 2, 2, 3, new Rng(seed));
    }
}
