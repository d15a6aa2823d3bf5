package org.equivariant4j.gconv.regular;

import static org.equivariant4j.testkit.equivariance.EquivarianceAssertions.assertThat;

import java.util.List;

import org.equivariant4j.core.group.GroupElement;
import org.equivariant4j.core.layer.EquivariantLayer;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.groups.CyclicGroup;
import org.equivariant4j.testkit.equivariance.EquivariantLayerContractTest;
import org.junit.jupiter.api.Test;

/**
 * The test kit's layer contract for {@link LiftingConv2d} on C8, with its declared (interpolation) tolerance; the
 * kit skips the 45-degree turns (see {@link C8OffGridRotationTest}). The quarter turns are held to the
 * float32 default tolerance, well inside the declared one.
 */
class LiftingConv2dC8ContractTest extends EquivariantLayerContractTest {

    @Override
    protected EquivariantLayer createLayer(long seed) {
        return new LiftingConv2d(CyclicGroup.of(8), 2, 3, 3, new Rng(seed));
    }

    @Test
    void quarterTurnsAreExactToFloat32Rounding() {
        CyclicGroup c8 = CyclicGroup.of(8);
        List<GroupElement> quarterTurns = List.of(c8.rotation(0), c8.rotation(2), c8.rotation(4), c8.rotation(6));
        assertThat(createLayer(5)).inDType(DType.FLOAT32).isEquivariantUnder(quarterTurns).within(1e-3, 1e-3);
        assertThat(createLayer(5)).inDType(DType.FLOAT64).isEquivariantUnder(quarterTurns).within(1e-9, 1e-9);
    }
}
