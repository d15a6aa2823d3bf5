package org.example.quaternion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.equivariant4j.core.error.TextFormatException;
import org.equivariant4j.core.error.UnknownIdException;
import org.equivariant4j.core.group.GroupElement;
import org.equivariant4j.core.group.Matrix;
import org.equivariant4j.core.group.Representation;
import org.junit.jupiter.api.Test;

/** What the contracts cannot know: Hamilton's rules, the text forms, and which irrep is which. */
class QuaternionGroupTest {
    private final QuaternionGroup q8 = QuaternionGroup.Q8;

    @Test
    void hamiltonsRules() {
        GroupElement minusOne = q8.minusOne();
        assertThat(q8.compose(q8.i(), q8.i())).isEqualTo(minusOne);
        assertThat(q8.compose(q8.i(), q8.j())).isEqualTo(q8.k());
        assertThat(q8.compose(q8.j(), q8.i())).hasToString("Q8[-k]");
        assertThat(q8.compose(q8.compose(q8.i(), q8.j()), q8.k())).isEqualTo(minusOne);
    }

    @Test
    void textForms() {
        assertThat(q8.elements()).extracting(Object::toString)
                .containsExactly("Q8[1]", "Q8[i]", "Q8[j]", "Q8[k]", "Q8[-1]", "Q8[-i]", "Q8[-j]", "Q8[-k]");
        assertThatThrownBy(() -> q8.parseElement("Q8[+j]")).isInstanceOf(TextFormatException.class)
                .hasMessageContaining("'Q8[+j]'").hasMessageContaining("Q8[-<u>]");
    }

    @Test
    void theFourDimensionalIrrepIsLeftMultiplicationAndOfQuaternionicType() {
        Representation h = q8.irrep("H");
        // L_i sends 1 -> i, i -> -1, j -> k, k -> -j (columns are the images of the basis 1, i, j, k).
        assertThat(h.matrix(q8.i())).isEqualTo(Matrix.ofRowMajor(4, 4,
                0, -1, 0, 0,
                1, 0, 0, 0,
                0, 0, 0, -1,
                0, 0, 1, 0));
        double norm = 0;
        for (GroupElement g : q8.elements()) {
            norm += h.character(g) * h.character(g) / q8.order();
        }
        assertThat(norm).as("<χ, χ> of H: 4 is quaternionic type (1 real, 2 complex)").isEqualTo(4.0);
    }

    @Test
    void unknownIrrepIdsListTheKnownOnes() {
        assertThatThrownBy(() -> q8.irrep("2")).isInstanceOf(UnknownIdException.class)
                .hasMessageContaining("known: trivial, i, j, k, H");
    }
}
