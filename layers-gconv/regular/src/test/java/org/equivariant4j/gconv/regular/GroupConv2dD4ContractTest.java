package org.equivariant4j.gconv.regular;

import org.equivariant4j.core.layer.EquivariantLayer;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.groups.DihedralGroup;
import org.equivariant4j.testkit.equivariance.EquivariantLayerContractTest;

/** The test kit's layer contract for {@link GroupConv2d} on DihedralGroup.of(4): every element, float32 and float64. */
class GroupConv2dD4ContractTest extends EquivariantLayerContractTest {

    @Override
    protected EquivariantLayer createLayer(long seed) {
        return new GroupConv2d(DihedralGroup.of(4), 2, 3, 3, new Rng(seed));
    }
}
