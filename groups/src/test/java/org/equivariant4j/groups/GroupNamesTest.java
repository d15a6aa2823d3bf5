package org.equivariant4j.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.equivariant4j.core.error.TextFormatException;
import org.equivariant4j.core.error.UnknownIdException;
import org.equivariant4j.core.group.Group;
import org.junit.jupiter.api.Test;

/** Canonical names round-trip; bad names and texts fail quoting the input and listing what is known. */
class GroupNamesTest {

    @Test
    void everyBuiltInNameRoundTrips() {
        for (String name : List.of("C1", "C4", "C12", "D1", "D4", "D8", "SO(2)", "O(2)", "SO(3)", "O(3)", "T", "O", "I",
                "SE(2)", "E(2)", "SE(3)", "E(3)")) {
            Group g = GroupNames.parse(name);
            assertThat(g.name()).isEqualTo(name);
            assertThat(GroupNames.parse(g.name())).isEqualTo(g).hasSameHashCodeAs(g);
        }
        assertThat(GroupNames.parse("D8")).isEqualTo(DihedralGroup.of(8));
        assertThat(GroupNames.parse("D8").asFinite().order()).as("escnn: D8 has 16 elements").isEqualTo(16);
    }

    @Test
    void unknownNamesListTheKnownOnes() {
        for (String bad : List.of("C0", "D-1", "SO(4)", "d4", "", "E(4)")) {
            assertThatThrownBy(() -> GroupNames.parse(bad)).isInstanceOf(UnknownIdException.class)
                    .hasMessageContaining("'" + bad + "'").hasMessageContaining("SO(3)").hasMessageContaining("D<n>");
        }
    }

    @Test
    void elementsParseThroughTheirGroup() {
        assertThat(GroupNames.parseElement("D4[r1;flip]")).isEqualTo(DihedralGroup.of(4).element(1, true));
        assertThat(GroupNames.parseElement("C4[r3]")).isEqualTo(CyclicGroup.of(4).rotation(3));
        assertThat(GroupNames.parseElement("SO(3)[q=(1.0,0.0,0.0,0.0)]")).isEqualTo(SO3.group().identity());
        assertThat(GroupNames.parseElement("E(3)[t=(1.0,2.0,3.0);q=(1.0,0.0,0.0,0.0);inv]"))
                .isEqualTo(EuclideanGroup.full(3).element(new double[] {1, 2, 3}, O3.group().inversion()));
        assertThat(GroupNames.parseElement("O[5]")).isEqualTo(FiniteRotationGroup.octahedral().elements().get(5));
    }

    @Test
    void malformedElementTextIsQuoted() {
        for (String bad : List.of("C4[r4]", "C4[x1]", "D4[r1;flop]", "SO(3)[q=(1,0,0)]", "SO(3)[q=(2.0,0,0,0)]",
                "O(2)[angle=7.0]", "SE(2)[angle=0.0]", "no bracket", "O[60]")) {
            assertThatThrownBy(() -> GroupNames.parseElement(bad)).as(bad).isInstanceOf(TextFormatException.class)
                    .hasMessageContaining("'" + bad + "'").hasMessageContaining("expected");
        }
        assertThatThrownBy(() -> GroupNames.parseElement("Z5[r1]")).isInstanceOf(UnknownIdException.class);
    }

    @Test
    void unknownIrrepIdsListTheKnownOnes() {
        assertThatThrownBy(() -> DihedralGroup.of(4).irrep("(1,3)")).isInstanceOf(UnknownIdException.class)
                .hasMessageContaining("'(1,3)'").hasMessageContaining("(1,1)").hasMessageContaining("(0,2)");
        assertThatThrownBy(() -> O3.group().irrep("1x")).isInstanceOf(UnknownIdException.class)
                .hasMessageContaining("<l>e or <l>o");
        assertThatThrownBy(() -> FiniteRotationGroup.icosahedral().irrep("E")).isInstanceOf(UnknownIdException.class)
                .hasMessageContaining("A, T1, T2, G, H");
    }
}
