package org.equivariant4j.groups.equivariance;

import org.equivariant4j.core.layer.EquivariantLayer;
import org.equivariant4j.groups.EuclideanGroup;
import org.equivariant4j.testkit.equivariance.EquivariantLayerContractTest;

/** The layer contract on point clouds: rotations, reflections and translations of E(3) move the positions too. */
class CentroidGateContractTest extends EquivariantLayerContractTest {

    @Override
    protected EquivariantLayer createLayer(long seed) {
        return new CentroidGate(EuclideanGroup.full(3), seed);
    }
}
