package org.equivariant4j.gconv.weightsharing;

import org.equivariant4j.core.layer.EquivariantLayer;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.groups.DihedralGroup;
import org.equivariant4j.testkit.equivariance.EquivariantLayerContractTest;

/** The kit's full layer contract on a weight-sharing group layer tied to D4 (8 elements, reflections included). */
class WeightSharingContractTest extends EquivariantLayerContractTest {
    @Override
    protected EquivariantLayer createLayer(long seed) {
        WeightSharingGroupConv layer = new WeightSharingGroupConv(DihedralGroup.of(4), 1, 2, 3, WeightSharingOptions.defaults().withIterations(3),
                new Rng(seed));
        layer.tieToGroup();
        return layer;
    }
}
