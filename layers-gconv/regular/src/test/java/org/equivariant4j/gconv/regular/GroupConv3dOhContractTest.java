package org.equivariant4j.gconv.regular;

import org.equivariant4j.core.layer.EquivariantLayer;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.groups.CubicGroup;
import org.equivariant4j.testkit.equivariance.EquivariantLayerContractTest;

/** The test kit's layer contract for {@link GroupConv3d} on CubicGroup.fullOctahedral(): every element, float32 and float64. */
class GroupConv3dOhContractTest extends EquivariantLayerContractTest {

    @Override
    protected EquivariantLayer createLayer(long seed) {
        return new GroupConv3d(CubicGroup.fullOctahedral(), 1, 1, 3, new Rng(seed));
    }
}
