package org.equivariant4j.gconv.se3;

import org.equivariant4j.core.layer.EquivariantLayer;
import org.equivariant4j.testkit.equivariance.EquivariantLayerContractTest;

/** The test kit's layer contract on the octahedral grid: all 24 rotations, exact, float32 and float64. */
class FieldNormContractTest extends EquivariantLayerContractTest {
    @Override
    protected EquivariantLayer createLayer(long seed) {
        return new FieldNorm(RotationGrid.octahedral(), 2);
    }
}
