package org.equivariant4j.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.equivariant4j.core.error.InvalidRepresentationException;
import org.equivariant4j.core.group.FiniteGroup;
import org.equivariant4j.core.group.GroupElement;
import org.equivariant4j.core.group.Representation;
import org.junit.jupiter.api.Test;

/**
 * {@link Representation#permutation}: one line from an action on points to a representation that keeps pointwise
 * nonlinearities allowed, and a clear refusal of anything that is not an action. (Its contract run is in
 * {@link BuiltInRepresentationContractTest}.)
 */
class PermutationRepresentationTest {
    private final DihedralGroup d4 = DihedralGroup.of(4);

    @Test
    void theCornersOfASquareUnderD4AreAPermutationRepresentation() {
        Representation corners = SquareCorners.of(d4);
        assertThat(corners.dimension()).isEqualTo(4);
        assertThat(corners.supportsPointwise()).isTrue();
        assertThat(corners.isOrthogonal()).isTrue();
        assertThat(corners).hasToString("corners of D4").isEqualTo(SquareCorners.of(DihedralGroup.of(4)));
        for (GroupElement g : d4.elements()) {
            assertThat(corners.matrix(g).isPermutation(0.0)).as("ρ(%s)", g).isTrue();
        }
    }

    @Test
    void leftMultiplicationOnTheElementsGivesTheRegularRepresentation() {
        Representation left = Representation.permutation(d4, "left", d4.order(),
                (g, i) -> d4.indexOf(d4.compose(g, d4.elements().get(i))));
        for (GroupElement g : d4.elements()) {
            assertThat(left.matrix(g)).as("ρ(%s)", g).isEqualTo(Representation.regular(d4).matrix(g));
        }
    }

    @Test
    void rightMultiplicationIsNoLeftActionOfANonAbelianGroupAndIsRefusedNamingTheElements() {
        assertThatThrownBy(() -> Representation.permutation(d4, "right", d4.order(),
                (g, i) -> d4.indexOf(d4.compose(d4.elements().get(i), g))))
                .isInstanceOf(InvalidRepresentationException.class)
                .hasMessageContaining("permutation representation right of D4 is not an action")
                .hasMessageContaining(" after ");
    }

    @Test
    void aMapThatIsNoBijectionOrMovesPointsUnderTheIdentityIsRefused() {
        FiniteGroup c4 = CyclicGroup.of(4);
        assertThatThrownBy(() -> Representation.permutation(c4, "collapse", 3, (g, i) -> 0))
                .isInstanceOf(InvalidRepresentationException.class).hasMessageContaining("sends two points to 0");
        assertThatThrownBy(() -> Representation.permutation(c4, "escape", 3, (g, i) -> i + 1))
                .isInstanceOf(InvalidRepresentationException.class).hasMessageContaining("outside [0, 3)");
        assertThatThrownBy(() -> Representation.permutation(c4, "shift", 3, (g, i) -> (i + 1) % 3))
                .isInstanceOf(InvalidRepresentationException.class).hasMessageContaining("the identity sends point 0 to 1");
    }
}
