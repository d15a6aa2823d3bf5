package org.equivariant4j.gconv.regular;

import org.equivariant4j.core.layer.EquivariantLayer;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.groups.CubicGroup;
import org.equivariant4j.testkit.equivariance.EquivariantLayerContractTest;

/** The test kit's layer contract for {@link GroupConv3d} on CubicGroup.dihedralZ(4): every element, float32 and float64. */
class GroupConv3dD4zContractTest extends EquivariantLayerContractTest {

    @Override
    protected EquivariantLayer createLayer(long seed) {
        return new GroupConv3d(CubicGroup.dihedralZ(4), 2, 2, 3, new Rng(seed));
    }
}
