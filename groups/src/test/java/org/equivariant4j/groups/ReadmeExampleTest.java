package org.equivariant4j.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.equivariant4j.core.group.Matrix;
import org.equivariant4j.core.group.Representation;
import org.equivariant4j.core.tensor.Rng;
import org.junit.jupiter.api.Test;

/** The README's example, so that it stays true. */
class ReadmeExampleTest {

    @Test
    void readmeExample() {
        DihedralGroup d4 = (DihedralGroup) GroupNames.parse("D4");
        Representation features = Representation.directSum(List.of(
                Representation.regular(d4), Representation.regular(d4), Representation.trivial(d4)));
        assertThat(features.name()).isEqualTo("2x regular + trivial");
        assertThat(features.supportsPointwise()).isTrue();

        DihedralGroup.Element g = d4.element(1, true);
        assertThat(g).hasToString("D4[r1;flip]");
        assertThat(g.linearPart()).hasToString("[[0.0, 1.0], [1.0, 0.0]]");
        assertThat(features.matrix(g).isPermutation(0)).isTrue();
        assertThat(features.matrix(g).shape()).isEqualTo("17x17");

        SO3 so3 = SO3.group();
        SO3.Element r = so3.sample(new Rng(42));
        Matrix d2 = so3.irrep(2).matrix(r);
        double[] y = SphericalHarmonics.evaluate(2, r.apply(new double[] {0, 0, 1}));
        assertThat(y).containsExactly(d2.multiply(SphericalHarmonics.evaluate(2, 0, 0, 1)), within(1e-12));
        Representation h = so3.irrep(2).restrict(so3.icosahedral());
        assertThat(h.dimension()).isEqualTo(5);
        assertThat(h.character(FiniteRotationGroup.icosahedral().identity())).isCloseTo(5, within(1e-12));
    }
}
