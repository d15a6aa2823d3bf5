package org.equivariant4j.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.group.GroupElement;
import org.equivariant4j.core.group.Matrix;
import org.equivariant4j.core.group.Representation;
import org.equivariant4j.core.group.Subgroup;
import org.junit.jupiter.api.Test;

/** C_n, D_n, SO(2), O(2): conventions, the pixel grid, subgroups and quotients. */
class PlanarGroupsTest {

    @Test
    void dihedralNamingFollowsEscnn() {
        DihedralGroup d4 = DihedralGroup.of(4);
        assertThat(d4.name()).isEqualTo("D4");
        assertThat(d4.order()).as("D4 has 2 * 4 elements").isEqualTo(8);
        assertThat(d4.element(1, true)).hasToString("D4[r1;flip]");
        // r^k f acts as R(2πk/n) F with F = diag(1, -1): r1 f maps (x, y) to (y, x).
        assertThat(d4.element(1, true).linearPart()).isEqualTo(Matrix.ofRowMajor(2, 2, 0, 1, 1, 0));
    }

    @Test
    void quarterTurnsActExactlyOnThePixelGrid() {
        assertThat(CyclicGroup.of(4).rotation(1).linearPart()).isEqualTo(Matrix.ofRowMajor(2, 2, 0, -1, 1, 0));
        for (GroupElement g : CyclicGroup.of(4).elements()) {
            assertThat(((CyclicGroup.Element) g).preservesGrid()).as("%s", g).isTrue();
        }
        for (GroupElement g : DihedralGroup.of(4).elements()) {
            assertThat(((DihedralGroup.Element) g).preservesGrid()).as("%s", g).isTrue();
        }
        assertThat(CyclicGroup.of(8).rotation(1).preservesGrid()).as("45 degrees leaves the grid").isFalse();
        assertThat(CyclicGroup.of(8).rotation(2).preservesGrid()).isTrue();
        assertThat(SO2.group().rotation(Math.PI / 2).preservesGrid()).isTrue();
        assertThat(O2.group().element(0.3, true).preservesGrid()).isFalse();
    }

    @Test
    void subgroupEmbeddingsAreHomomorphisms() {
        DihedralGroup d4 = DihedralGroup.of(4);
        for (Subgroup s : new Subgroup[] {d4.rotations(), d4.reflection(1), d4.subgroup(2),
            DihedralGroup.of(6).subgroup(3), CyclicGroup.of(8).subgroup(2), SO2.group().cyclic(8),
            O2.group().dihedral(4), O2.group().rotations(), SO3.group().planarRotations(),
            SO2.group().cyclic(4).andThen(SO3.group().planarRotations())}) {
            Homomorphisms.assertHomomorphism(s);
        }
        assertThat(SO2.group().cyclic(4).andThen(SO3.group().planarRotations()).name())
                .isEqualTo("C4 < SO(3) (via SO(2) z-axis)");
        assertThatThrownBy(() -> d4.subgroup(3)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("divides");
    }

    @Test
    void quotientRepresentationsPermuteCosets() {
        DihedralGroup d4 = DihedralGroup.of(4);
        assertThat(Representation.quotient(d4.rotations()).dimension()).isEqualTo(2);
        assertThat(Representation.quotient(d4.reflection(1)).dimension()).isEqualTo(4);
        assertThat(Representation.quotient(CyclicGroup.of(8).subgroup(2)).dimension()).isEqualTo(4);
        Representation sign = Representation.quotient(d4.rotations());
        // D4 / C4: rotations fix both cosets, reflections swap them.
        assertThat(sign.character(d4.element(3, false))).isEqualTo(2.0);
        assertThat(sign.character(d4.element(3, true))).isEqualTo(0.0);
        assertThat(sign.name()).isEqualTo("quotient(D4/C4)");
        assertThat(Representation.quotient(d4.reflection(1)).name()).isEqualTo("quotient(D4/D1 (axis 1))");
    }

    @Test
    void gridsOfThePlanarLieGroups() {
        assertThat(SO2.group().grid(4)).containsExactly(SO2.group().rotation(0), SO2.group().rotation(Math.PI / 2),
                SO2.group().rotation(Math.PI), SO2.group().rotation(3 * Math.PI / 2));
        assertThat(O2.group().grid(4)).hasSize(4).filteredOn(g -> ((O2.Element) g).isFlip()).hasSize(2);
        assertThatThrownBy(() -> O2.group().grid(3)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("even");
    }

    @Test
    void anglesWrapAndCompareAroundTheCircle() {
        SO2 so2 = SO2.group();
        assertThat(so2.rotation(-Math.PI / 2).angle()).isEqualTo(3 * Math.PI / 2);
        assertThat(so2.rotation(2 * Math.PI).angle()).isEqualTo(0.0);
        assertThat(so2.isClose(so2.rotation(1e-12), so2.rotation(2 * Math.PI - 1e-12), 1e-9)).isTrue();
        assertThat(so2.isClose(so2.rotation(0.1), so2.rotation(0.2), 1e-9)).isFalse();
    }
}
