package org.example.quaternion;

import org.equivariant4j.core.layer.EquivariantLayer;
import org.equivariant4j.testkit.equivariance.EquivariantLayerContractTest;

/** The whole layer contract for the custom layer: equivariance per element and dtype, gradients, types, state. */
class QuaternionMultiplicationContractTest extends EquivariantLayerContractTest {

    @Override
    protected EquivariantLayer createLayer(long seed) {
        return new QuaternionMultiplication(QuaternionMultiplication.Side.RIGHT, seed);
    }
}
