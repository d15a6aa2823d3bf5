package org.equivariant4j.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.TreeMap;

import org.equivariant4j.core.group.GroupElement;
import org.equivariant4j.core.group.Matrix;
import org.equivariant4j.core.group.Representation;
import org.equivariant4j.core.group.Subgroup;
import org.junit.jupiter.api.Test;

/**
 * T, O and I: orders, rotation classes, exact grid action of O, embeddings, and the irreps' characters
 * against the textbook character tables (an independent check of how the irreps are built).
 */
class FiniteRotationGroupTest {
    private static final double PHI = (1 + Math.sqrt(5)) / 2;

    @Test
    void ordersAndRotationClasses() {
        assertThat(FiniteRotationGroup.tetrahedral().order()).isEqualTo(12);
        assertThat(FiniteRotationGroup.octahedral().order()).isEqualTo(24);
        assertThat(FiniteRotationGroup.icosahedral().order()).isEqualTo(60);
        // Number of elements per rotation angle (in degrees).
        assertThat(angleClasses(FiniteRotationGroup.tetrahedral())).isEqualTo(Map.of(0L, 1, 120L, 8, 180L, 3));
        assertThat(angleClasses(FiniteRotationGroup.octahedral())).isEqualTo(Map.of(0L, 1, 90L, 6, 120L, 8, 180L, 9));
        assertThat(angleClasses(FiniteRotationGroup.icosahedral()))
                .isEqualTo(Map.of(0L, 1, 72L, 12, 120L, 20, 144L, 12, 180L, 15));
    }

    private static Map<Long, Integer> angleClasses(FiniteRotationGroup g) {
        Map<Long, Integer> out = new TreeMap<>();
        for (GroupElement e : g.elements()) {
            out.merge(Math.round(Math.toDegrees(((FiniteRotationGroup.Element) e).quaternion().angle())), 1, Integer::sum);
        }
        return out;
    }

    @Test
    void octahedralRotationsAreExactSignedPermutationsAndPreserveTheVoxelGrid() {
        for (GroupElement e : FiniteRotationGroup.octahedral().elements()) {
            FiniteRotationGroup.Element r = (FiniteRotationGroup.Element) e;
            assertThat(r.preservesGrid()).as("%s preserves Z^3", r).isTrue();
            double[] m = r.matrix().toRowMajor();
            for (double v : m) {
                assertThat(v).as("entries of %s are exactly 0 or ±1", r).isIn(0.0, 1.0, -1.0);
            }
        }
        long icosahedralOnGrid = FiniteRotationGroup.icosahedral().elements().stream()
                .filter(e -> ((FiniteRotationGroup.Element) e).preservesGrid()).count();
        assertThat(icosahedralOnGrid).as("I ∩ O = T in the shared frame").isEqualTo(12);
    }

    @Test
    void embeddingsAndInclusionsAreHomomorphisms() {
        SO3 so3 = SO3.group();
        for (Subgroup s : new Subgroup[] {so3.tetrahedral(), so3.octahedral(), so3.icosahedral(),
            FiniteRotationGroup.octahedral().subgroup(FiniteRotationGroup.tetrahedral()),
            FiniteRotationGroup.icosahedral().subgroup(FiniteRotationGroup.tetrahedral())}) {
            Homomorphisms.assertHomomorphism(s);
        }
    }

    @Test
    void irrepCharactersMatchTheCharacterTables() {
        // χ as a function of the rotation angle in degrees, on the angles that determine the conjugacy class (O
        // has two classes of half turns, about coordinate axes and about edge diagonals, so 180 is left out).
        checkCharacters(FiniteRotationGroup.octahedral(), Map.of(
                "A2", Map.of(0L, 1.0, 90L, -1.0, 120L, 1.0),
                "E", Map.of(0L, 2.0, 90L, 0.0, 120L, -1.0),
                "T2", Map.of(0L, 3.0, 90L, -1.0, 120L, 0.0)));
        checkCharacters(FiniteRotationGroup.icosahedral(), Map.of(
                "T1", Map.of(0L, 3.0, 72L, PHI, 144L, 1 - PHI, 120L, 0.0, 180L, -1.0),
                "T2", Map.of(0L, 3.0, 72L, 1 - PHI, 144L, PHI, 120L, 0.0, 180L, -1.0),
                "G", Map.of(0L, 4.0, 72L, -1.0, 144L, -1.0, 120L, 1.0, 180L, 0.0),
                "H", Map.of(0L, 5.0, 72L, 0.0, 144L, 0.0, 120L, -1.0, 180L, 1.0)));
        checkCharacters(FiniteRotationGroup.tetrahedral(), Map.of(
                "E", Map.of(0L, 2.0, 120L, -1.0, 180L, 2.0),
                "T", Map.of(0L, 3.0, 120L, 0.0, 180L, -1.0)));
    }

    private static void checkCharacters(FiniteRotationGroup g, Map<String, Map<Long, Double>> table) {
        table.forEach((id, byAngle) -> {
            Representation psi = g.irrep(id);
            for (GroupElement e : g.elements()) {
                long angle = Math.round(Math.toDegrees(((FiniteRotationGroup.Element) e).quaternion().angle()));
                Double expected = byAngle.get(angle);
                if (expected != null) {
                    assertThat(psi.character(e)).as("χ of %s at %s (%d degrees)", psi, e, angle).isCloseTo(expected,
                            within(1e-9));
                }
            }
        });
    }

    @Test
    void restrictingWignerDToTheSubgroupsSplitsAsKnown() {
        FiniteRotationGroup o = FiniteRotationGroup.octahedral();
        FiniteRotationGroup i = FiniteRotationGroup.icosahedral();
        Representation l2OnO = SO3.group().irrep(2).restrict(SO3.group().octahedral());
        assertThat(multiplicity(o, l2OnO, o.irrep("E"))).isEqualTo(1);
        assertThat(multiplicity(o, l2OnO, o.irrep("T2"))).isEqualTo(1);
        Representation l3OnI = SO3.group().irrep(3).restrict(SO3.group().icosahedral());
        assertThat(multiplicity(i, l3OnI, i.irrep("T2"))).isEqualTo(1);
        assertThat(multiplicity(i, l3OnI, i.irrep("G"))).isEqualTo(1);
        Matrix d = l3OnI.matrix(i.elements().get(7));
        assertThat(d.isOrthogonal(1e-12)).isTrue();
    }

    private static long multiplicity(FiniteRotationGroup g, Representation rho, Representation psi) {
        double num = 0;
        double den = 0;
        for (GroupElement e : g.elements()) {
            num += rho.character(e) * psi.character(e);
            den += psi.character(e) * psi.character(e);
        }
        return Math.round(num / den);
    }
}
