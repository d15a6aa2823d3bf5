package org.equivariant4j.groups.equivariance;

import java.util.ArrayList;
import java.util.List;

import org.equivariant4j.core.group.GroupElement;
import org.equivariant4j.core.layer.EquivariantLayer;
import org.equivariant4j.groups.EuclideanGroup;
import org.equivariant4j.testkit.equivariance.EquivariantLayerContractTest;

/** The layer contract on point clouds: rotations, reflections and translations of E(3) move the positions too. */
class CentroidGateContractTest extends EquivariantLayerContractTest {

    @Override
    protected EquivariantLayer createLayer(long seed) {
        return new CentroidGate(EuclideanGroup.full(3), seed);
    }

    /** Every third of E(3)'s 37 testing elements and the pure translation: the registered-layers test runs all of them. */
    @Override
    protected List<? extends GroupElement> elements() {
        List<GroupElement> all = EuclideanGroup.full(3).testingElements();
        List<GroupElement> some = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 3) {
            some.add(all.get(i));
        }
        some.add(all.get(all.size() - 1));
        return some;
    }
}
