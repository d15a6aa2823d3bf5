package org.equivariant4j.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.GroupMismatchException;
import org.equivariant4j.core.error.UnsupportedFeatureException;
import org.equivariant4j.core.group.DirectSumRepresentation;
import org.equivariant4j.core.group.Matrix;
import org.equivariant4j.core.group.Representation;
import org.junit.jupiter.api.Test;

/** Names, declared properties and errors of the representation combinators, on concrete groups. */
class RepresentationCombinatorsTest {
    private final DihedralGroup d4 = DihedralGroup.of(4);
    private final CyclicGroup c4 = CyclicGroup.of(4);

    @Test
    void directSumsFlattenAndNameLikeAFieldType() {
        Representation regular = Representation.regular(d4);
        Representation sum = Representation.directSum(List.of(regular, regular, Representation.trivial(d4)))
                .directSum(d4.irrep("(1,1)"));
        assertThat(sum.name()).isEqualTo("2x regular + trivial + irrep((1,1))");
        assertThat(sum).hasToString("2x regular + trivial + irrep((1,1)) of D4");
        assertThat(sum.dimension()).isEqualTo(8 + 8 + 1 + 2);
        assertThat(((DirectSumRepresentation) sum).parts()).hasSize(4);
        assertThat(sum.supportsPointwise()).as("an irrep((1,1)) block is not a permutation").isFalse();
        assertThat(Representation.directSum(List.of(regular, Representation.trivial(d4))).supportsPointwise()).isTrue();
        assertThat(regular.directSum(regular)).isEqualTo(Representation.directSum(List.of(regular, regular)));
    }

    @Test
    void tensorProductsAndChangesOfBasis() {
        Representation rho = d4.irrep("(1,1)");
        assertThat(rho.tensor(rho).name()).isEqualTo("irrep((1,1))⊗irrep((1,1))");
        assertThat(rho.tensor(rho).dimension()).isEqualTo(4);
        Representation skewed = rho.changeBasis(Matrix.ofRowMajor(2, 2, 2, 1, 0, 1));
        assertThat(skewed.isOrthogonal()).as("a non-orthogonal basis loses orthogonality").isFalse();
        assertThat(skewed.character(d4.element(1, false))).isEqualTo(rho.character(d4.element(1, false)));
        Representation rotated = rho.changeBasis(PlaneRotations.rotation(0.3));
        assertThat(rotated.isOrthogonal()).isTrue();
        Representation permuted = Representation.regular(d4).changeBasis(
                Matrix.permutation(new int[] {7, 6, 5, 4, 3, 2, 1, 0}));
        assertThat(permuted.supportsPointwise()).as("a permuted permutation representation").isTrue();
        assertThatThrownBy(() -> rho.changeBasis(Matrix.ofRowMajor(2, 2, 1, 2, 2, 4)))
                .isInstanceOf(ArithmeticException.class).hasMessageContaining("singular");
    }

    @Test
    void elementsOfAnotherGroupAreRejectedNamingBothGroups() {
        assertThatThrownBy(() -> Representation.regular(d4).matrix(c4.rotation(1)))
                .isInstanceOf(GroupMismatchException.class).hasMessageContaining("D4").hasMessageContaining("C4")
                .hasMessageContaining("C4[r1]");
        assertThatThrownBy(() -> c4.compose(c4.rotation(1), d4.element(1, false)))
                .isInstanceOf(GroupMismatchException.class).hasMessageContaining("expected an element of C4 but got"
                        + " one of D4");
        assertThatThrownBy(() -> Representation.regular(d4).directSum(Representation.regular(c4)))
                .isInstanceOf(GroupMismatchException.class);
        assertThatThrownBy(() -> SO3.group().irrep(1).restrict(O2.group().dihedral(4)))
                .isInstanceOf(GroupMismatchException.class).hasMessageContaining("SO(3)").hasMessageContaining("O(2)");
    }

    @Test
    void invariantSubspacesAreChecked() {
        Representation quotient = Representation.quotient(CyclicGroup.of(8).subgroup(2)); // 4 cosets, C8 acts as C4
        Representation complement = quotient.onInvariantSubspace(PolyhedralIrreps.complementOfDiagonal(4));
        assertThat(complement.dimension()).isEqualTo(3);
        Matrix notInvariant = Matrix.ofRowMajor(4, 1, 1, 0, 0, 0);
        assertThatThrownBy(() -> quotient.onInvariantSubspace(notInvariant))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("not invariant under C8[r1]");
    }

    @Test
    void theRegularRepresentationContainsEachIrrepAsOftenAsItsDimensionAllows() {
        for (var g : List.of(d4, c4, FiniteRotationGroup.tetrahedral(), FiniteRotationGroup.icosahedral())) {
            Representation regular = Representation.regular(g);
            for (Representation psi : g.irreps()) {
                double inner = 0;
                double norm = 0;
                for (var e : g.elements()) {
                    inner += regular.character(e) * psi.character(e);
                    norm += psi.character(e) * psi.character(e);
                }
                assertThat(Math.round(inner / norm)).as("multiplicity of %s in %s", psi, regular)
                        .isEqualTo(Math.round(psi.dimension() * g.order() / norm));
            }
        }
    }

    @Test
    void unsupportedRequestsSayWhatIsAvailable() {
        assertThatThrownBy(() -> Representation.quotient(SO2.group().cyclic(4).andThen(O2.group().rotations()))
                .dimension()).isInstanceOf(UnsupportedFeatureException.class).hasMessageContaining("finite");
        assertThatThrownBy(() -> SO3.group().asFinite()).isInstanceOf(UnsupportedFeatureException.class)
                .hasMessageContaining("SO(3) is not finite").hasMessageContaining("grid(n)");
    }

    @Test
    void representationsAreValues() {
        assertThat(Representation.trivial(DihedralGroup.of(4))).isEqualTo(Representation.trivial(d4));
        assertThat(DihedralGroup.of(4).irrep("(1,1)")).isEqualTo(d4.irrep("(1,1)")).hasSameHashCodeAs(
                d4.irrep("(1,1)"));
        assertThat(SO3.group().irrep(2)).isEqualTo(SO3.group().irrep("2"));
        assertThat(O3.group().irrep("1o")).isNotEqualTo(O3.group().irrep("1e"));
        assertThat(Representation.standard(O3.group()).character(O3.group().inversion())).isEqualTo(-3.0);
    }
}
