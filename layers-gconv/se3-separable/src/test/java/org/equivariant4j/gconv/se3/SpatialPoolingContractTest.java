package org.equivariant4j.gconv.se3;

import org.equivariant4j.core.layer.EquivariantLayer;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.testkit.equivariance.EquivariantLayerContractTest;

/** The test kit's layer contract on the octahedral grid: all 24 rotations, exact, float32 and float64. */
class SpatialPoolingContractTest extends EquivariantLayerContractTest {
    @Override
    protected EquivariantLayer createLayer(long seed) {
        return new SpatialPooling(RotationGrid.octahedral(), 2, SpatialPooling.Mode.MAX);
    }
}
