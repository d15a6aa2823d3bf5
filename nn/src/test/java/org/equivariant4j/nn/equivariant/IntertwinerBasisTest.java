package org.equivariant4j.nn.equivariant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.equivariant4j.core.error.GroupMismatchException;
import org.equivariant4j.core.error.UnsupportedFeatureException;
import org.equivariant4j.core.group.AbstractRepresentation;
import org.equivariant4j.core.group.FiniteGroup;
import org.equivariant4j.core.group.GroupElement;
import org.equivariant4j.core.group.Matrix;
import org.equivariant4j.core.group.Representation;
import org.equivariant4j.groups.CyclicGroup;
import org.equivariant4j.groups.DihedralGroup;
import org.equivariant4j.groups.FiniteRotationGroup;
import org.equivariant4j.groups.SO2;
import org.example.quaternion.QuaternionGroup;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The solved bases: their dimension from characters, orthonormality, equivariance, determinism, refusals. */
class IntertwinerBasisTest {
    private static final CyclicGroup C4 = CyclicGroup.of(4);
    private static final DihedralGroup D4 = DihedralGroup.of(4);
    private static final QuaternionGroup Q8 = QuaternionGroup.Q8;
    private static final FiniteRotationGroup O = FiniteRotationGroup.octahedral();

    /** (out, in, the dimension worked out by hand). */
    private record Pair(Representation out, Representation in, int expected) {
    }

    private static List<Pair> pairs() {
        Representation c4Regular = Representation.regular(C4);
        Representation d4Regular = Representation.regular(D4);
        Representation q8Regular = Representation.regular(Q8);
        Representation oRegular = Representation.regular(O);
        return List.of(
                new Pair(c4Regular, c4Regular, 4), // group convolution: one weight per element
                new Pair(C4.irrep("1"), C4.irrep("1"), 2), // complex type: rotations and scalings of the plane
                new Pair(C4.irrep("1"), c4Regular, 2),
                new Pair(C4.irrep("2"), C4.irrep("1"), 0),
                new Pair(Representation.trivial(C4), c4Regular, 1),
                new Pair(Representation.standard(C4), c4Regular, 2),
                new Pair(d4Regular, d4Regular, 8),
                new Pair(D4.irrep("(1,1)"), D4.irrep("(1,1)"), 1),
                new Pair(Representation.quotient(D4.rotations()), d4Regular, 2),
                new Pair(D4.irrep("(1,1)"), Representation.standard(D4), 1),
                new Pair(q8Regular, q8Regular, 8),
                new Pair(Q8.irrep("H"), Q8.irrep("H"), 4), // quaternionic type: End(H) is the quaternions
                new Pair(Q8.irrep("H"), q8Regular, 4),
                new Pair(Q8.irrep("i"), Q8.irrep("j"), 0),
                new Pair(Representation.directSum(List.of(q8Regular, Q8.irrep("k"))), Q8.irrep("k"), 2),
                new Pair(oRegular, oRegular, 24),
                new Pair(Representation.standard(O), oRegular, 3),
                new Pair(Representation.standard(O), Representation.standard(O), 1),
                new Pair(Representation.directSum(List.of(c4Regular, C4.irrep("1"))),
                        Representation.directSum(List.of(C4.irrep("1"), Representation.trivial(C4))), 2 + 1 + 2 + 0));
    }

    @TestFactory
    Stream<DynamicTest> dimensionIsTheCharacterInnerProduct() {
        return pairs().stream().map(p -> DynamicTest.dynamicTest(p.in() + " -> " + p.out(), () -> {
            IntertwinerBasis basis = IntertwinerBasis.of(p.out(), p.in());
            FiniteGroup group = (FiniteGroup) p.out().group();
            // dim Hom_G(V, W) = (1/|G|) Σ_g χ_W(g) χ_V(g) for real representations of a finite group.
            double direct = 0;
            for (GroupElement g : group.elements()) {
                direct += p.out().character(g) * p.in().character(g);
            }
            direct /= group.order();
            // The same through the irreps: Σ_ψ m_ψ(W) m_ψ(V) <χψ, χψ> (1, 2 or 4: real, complex, quaternionic type).
            double byIrreps = 0;
            for (Representation psi : group.irreps()) {
                double typeFactor = inner(group, psi, psi);
                byIrreps += inner(group, p.out(), psi) / typeFactor * (inner(group, p.in(), psi) / typeFactor) * typeFactor;
            }
            assertThat(direct).as("character formula").isCloseTo(p.expected(), offset(1e-9));
            assertThat(byIrreps).as("sum over irreps").isCloseTo(p.expected(), offset(1e-9));
            assertThat(basis.dimension()).as("%s", basis).isEqualTo(p.expected());
        }));
    }

    @TestFactory
    Stream<DynamicTest> basisIsOrthonormalEquivariantAndSigned() {
        return pairs().stream().map(p -> DynamicTest.dynamicTest(p.in() + " -> " + p.out(), () -> {
            IntertwinerBasis basis = IntertwinerBasis.of(p.out(), p.in());
            List<Matrix> maps = new ArrayList<>();
            for (int k = 0; k < basis.dimension(); k++) {
                maps.add(basis.matrix(k));
            }
            for (int a = 0; a < maps.size(); a++) {
                for (int b = 0; b < maps.size(); b++) {
                    double dot = frobenius(maps.get(a), maps.get(b));
                    assertThat(dot).as("<B%d, B%d>", a, b).isCloseTo(a == b ? 1.0 : 0.0, offset(1e-12));
                }
                double[] entries = maps.get(a).toRowMajor();
                double first = Stream.of(box(entries)).filter(v -> Math.abs(v) > 1e-9).findFirst().orElseThrow();
                assertThat(first).as("sign convention of B%d", a).isPositive();
            }
            // Equivariant for every element, not only the generators the solver was checked against.
            for (GroupElement g : ((FiniteGroup) p.out().group()).elements()) {
                for (int k = 0; k < maps.size(); k++) {
                    Matrix w = maps.get(k);
                    assertThat(p.out().matrix(g).multiply(w).maxAbsDifference(w.multiply(p.in().matrix(g))))
                            .as("B%d at %s", k, g).isLessThan(1e-12);
                }
            }
        }));
    }

    @Test
    void solvedOnceAndCachedPerPair() {
        Representation reg = Representation.regular(D4);
        IntertwinerBasis first = IntertwinerBasis.of(reg, D4.irrep("(1,1)"));
        assertThat(IntertwinerBasis.of(Representation.regular(DihedralGroup.of(4)), DihedralGroup.of(4).irrep("(1,1)")))
                .isSameAs(first);
        // (1,1) occurs twice in the regular representation, and is of real type: two maps.
        assertThat(first).hasToString("IntertwinerBasis(irrep((1,1)) of D4 -> regular of D4: 2 maps)");
    }

    @Test
    void nonOrthogonalRepresentationsToo() {
        // The projector averages ρ_out(g) W ρ_in(g⁻¹), so it needs no orthogonality.
        Representation skewed = C4.irrep("1").changeBasis(Matrix.ofRowMajor(2, 2, 2, 1, 0, 1));
        assertThat(skewed.isOrthogonal()).isFalse();
        IntertwinerBasis basis = IntertwinerBasis.of(skewed, C4.irrep("1"));
        assertThat(basis.dimension()).isEqualTo(2);
        for (GroupElement g : C4.elements()) {
            for (int k = 0; k < 2; k++) {
                Matrix w = basis.matrix(k);
                assertThat(skewed.matrix(g).multiply(w).maxAbsDifference(w.multiply(C4.irrep("1").matrix(g)))).isLessThan(1e-12);
            }
        }
    }

    @Test
    void aRepresentationThatIsNotAHomomorphismFailsNamingIt() {
        // Rotations by 30 degrees per step of C4: ρ(r)⁴ is not the identity, so averaging yields no intertwiner.
        Representation broken = new AbstractRepresentation(C4, "broken", 2) {
            @Override
            protected Matrix compute(GroupElement g) {
                double a = Math.PI / 6 * ((CyclicGroup.Element) g).power();
                return Matrix.ofRowMajor(2, 2, Math.cos(a), -Math.sin(a), Math.sin(a), Math.cos(a));
            }

            @Override
            public boolean isOrthogonal() {
                return true;
            }
        };
        assertThatThrownBy(() -> IntertwinerBasis.of(broken, Representation.standard(C4))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("broken of C4").hasMessageContaining("is each representation a homomorphism");
    }

    @Test
    void continuousGroupsAreRefusedNamingTheGroupAndTheFix() {
        Representation trivial = Representation.trivial(SO2.group());
        assertThatThrownBy(() -> IntertwinerBasis.of(trivial, trivial)).isInstanceOf(UnsupportedFeatureException.class)
                .hasMessageContaining("SO(2) is not a finite group").hasMessageContaining("C_n or D_n for SO(2)");
    }

    @Test
    void representationsOfDifferentGroupsAreRefused() {
        assertThatThrownBy(() -> IntertwinerBasis.of(Representation.regular(C4), Representation.regular(D4)))
                .isInstanceOf(GroupMismatchException.class).hasMessageContaining("C4").hasMessageContaining("D4");
    }

    private static double inner(FiniteGroup group, Representation a, Representation b) {
        double s = 0;
        for (GroupElement g : group.elements()) {
            s += a.character(g) * b.character(g);
        }
        return s / group.order();
    }

    private static double frobenius(Matrix a, Matrix b) {
        double[] x = a.toRowMajor();
        double[] y = b.toRowMajor();
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }

    private static Double[] box(double[] v) {
        Double[] out = new Double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }
}
