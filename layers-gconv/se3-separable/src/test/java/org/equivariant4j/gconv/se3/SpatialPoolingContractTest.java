package org.equivariant4j.gconv.se3;

import org.equivariant4j.core.layer.EquivariantLayer;
import org.equivariant4j.nn.equivariant.SpatialPooling;
import org.equivariant4j.testkit.equivariance.EquivariantLayerContractTest;

/** The test kit's layer contract for nn's 2×2×2 max pooling on octahedral-grid fields: all 24 rotations, exact. */
class SpatialPoolingContractTest extends EquivariantLayerContractTest {
    @Override
    protected EquivariantLayer createLayer(long seed) {
        return new SpatialPooling(RotationGrid.octahedral().fieldType(2), SpatialPooling.Mode.MAX, 2);
    }
}
