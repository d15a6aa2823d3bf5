package org.equivariant4j.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.equivariant4j.core.group.EuclideanAction;
import org.equivariant4j.core.group.GroupElement;
import org.junit.jupiter.api.Test;

class CubicGroupTest {

    @Test
    void ordersAndGridPreservation() {
        assertThat(CubicGroup.cyclicZ(4).order()).isEqualTo(4);
        assertThat(CubicGroup.dihedralZ(4).order()).isEqualTo(8);
        assertThat(CubicGroup.fullOctahedral().order()).isEqualTo(48);
        assertThat(CubicGroup.fullOctahedral().irreps()).hasSize(10);
        for (GroupElement g : CubicGroup.fullOctahedral().elements()) {
            assertThat(((EuclideanAction) g).preservesGrid()).isTrue();
        }
    }

    @Test
    void cyclicZTurnsAboutTheZAxisOnly() {
        for (GroupElement g : CubicGroup.cyclicZ(4).elements()) {
            double[] z = ((EuclideanAction) g).apply(new double[] {0, 0, 1});
            assertThat(z).containsExactly(0, 0, 1);
        }
    }

    @Test
    void fullOctahedralContainsEveryRotationOfOAndTheInversion() {
        CubicGroup oh = CubicGroup.fullOctahedral();
        long rotations = oh.elements().stream().filter(g -> ((EuclideanAction) g).linearPart().determinant() > 0).count();
        assertThat(rotations).isEqualTo(24);
        assertThat(oh.parseElement(oh.elements().get(17).toString())).isEqualTo(oh.elements().get(17));
    }

    @Test
    void otherOrdersAreRefused() {
        assertThatThrownBy(() -> CubicGroup.cyclicZ(3)).hasMessageContaining("voxel grid");
    }
}
