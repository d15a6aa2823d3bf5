package org.equivariant4j.gconv.weightsharing;

import org.equivariant4j.core.layer.EquivariantLayer;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.groups.DihedralGroup;
import org.equivariant4j.testkit.equivariance.EquivariantLayerContractTest;

/** The kit's full layer contract on the tied form of a weight-sharing group layer over D4 (8 elements, reflections included). */
class WeightSharingContractTest extends EquivariantLayerContractTest {
    @Override
    protected EquivariantLayer createLayer(long seed) {
        return new WeightSharingGroupConv(DihedralGroup.of(4), 1, 2, 3, WeightSharingOptions.defaults().withIterations(3),
                new Rng(seed)).tied();
    }
}
