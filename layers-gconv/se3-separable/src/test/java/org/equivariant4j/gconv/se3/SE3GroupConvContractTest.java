package org.equivariant4j.gconv.se3;

import org.equivariant4j.core.layer.EquivariantLayer;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.testkit.equivariance.EquivariantLayerContractTest;

/** The test kit's layer contract on the octahedral grid: all 24 rotations, exact, float32 and float64. */
class SE3GroupConvContractTest extends EquivariantLayerContractTest {
    @Override
    protected EquivariantLayer createLayer(long seed) {
        return new SE3GroupConv(RotationGrid.octahedral(), 1, 2, 3, 1, new Rng(seed));
    }
}
