package org.equivariant4j.groups.equivariance;

import org.equivariant4j.core.field.Domain;
import org.equivariant4j.core.layer.EquivariantLayer;
import org.equivariant4j.groups.DihedralGroup;
import org.equivariant4j.testkit.equivariance.EquivariantLayerContractTest;

/** The positive control of the layer contract on a grid: an exact, trainable D4 layer meets all of it. */
class RegularChannelMixContractTest extends EquivariantLayerContractTest {

    @Override
    protected EquivariantLayer createLayer(long seed) {
        return new RegularChannelMix(DihedralGroup.of(4), Domain.grid(2), seed);
    }
}
