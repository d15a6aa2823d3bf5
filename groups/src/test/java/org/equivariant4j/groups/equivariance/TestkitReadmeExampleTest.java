package org.equivariant4j.groups.equivariance;

import static org.equivariant4j.testkit.equivariance.EquivarianceAssertions.assertThat;

import org.equivariant4j.core.field.Domain;
import org.equivariant4j.core.layer.EquivariantLayer;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.groups.DihedralGroup;
import org.equivariant4j.testkit.equivariance.EquivariantLayerContractTest;
import org.junit.jupiter.api.Test;

/** testkit/README.md's example, with the test layer standing in for GroupConv, so that it stays true. */
class TestkitReadmeExampleTest extends EquivariantLayerContractTest {
    @Override
    protected EquivariantLayer createLayer(long seed) {
        return new RegularChannelMix(DihedralGroup.of(4), Domain.grid(2), seed);
    }

    @Test
    void quarterTurnsWithinATighterBound() {
        assertThat(createLayer(3)).inDType(DType.FLOAT64).withSeed(7)
                .isEquivariantUnder(DihedralGroup.of(4).elements()).within(1e-12, 0);
    }
}
