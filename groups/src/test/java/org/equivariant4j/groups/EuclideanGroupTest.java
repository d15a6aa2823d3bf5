package org.equivariant4j.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.GroupMismatchException;
import org.equivariant4j.core.group.Matrix;
import org.equivariant4j.core.group.Representation;
import org.equivariant4j.core.tensor.Rng;
import org.junit.jupiter.api.Test;

/** E(n) and SE(n) acting on point clouds. */
class EuclideanGroupTest {
    private static final long SEED = 3;

    @Test
    void elementsActAffinelyOnPoints() {
        EuclideanGroup se3 = EuclideanGroup.special(3);
        SO3.Element quarter = SO3.group().fromAxisAngle(new double[] {0, 0, 1}, Math.PI / 2);
        EuclideanGroup.Element g = se3.element(new double[] {1, 2, 3}, quarter);
        assertThat(g.apply(new double[] {1, 0, 0})).containsExactly(new double[] {1, 3, 3}, within(1e-15));
        assertThat(g).hasToString("SE(3)[t=(1.0,2.0,3.0);q=" + quarter.quaternion() + "]");
        assertThat(se3.parseElement(g.toString())).isEqualTo(g);
    }

    @Test
    void composingActsLikeApplyingInTurnOnAPointCloud() {
        Rng rng = new Rng(SEED);
        for (EuclideanGroup group : new EuclideanGroup[] {EuclideanGroup.special(2), EuclideanGroup.full(2),
            EuclideanGroup.special(3), EuclideanGroup.full(3)}) {
            int n = group.spaceDimension();
            double[][] cloud = new double[16][n];
            for (double[] p : cloud) {
                for (int i = 0; i < n; i++) {
                    p[i] = rng.nextGaussian();
                }
            }
            EuclideanGroup.Element g = group.sample(rng);
            EuclideanGroup.Element h = group.sample(rng);
            EuclideanGroup.Element gh = (EuclideanGroup.Element) g.compose(h);
            EuclideanGroup.Element inverse = (EuclideanGroup.Element) g.inverse();
            for (double[] p : cloud) {
                assertThat(gh.apply(p)).as("%s: (g·h)(x) = g(h(x)) (seed %d)", group, SEED)
                        .containsExactly(g.apply(h.apply(p)), within(1e-12));
                assertThat(inverse.apply(g.apply(p))).as("%s: g⁻¹(g(x)) = x (seed %d)", group, SEED)
                        .containsExactly(p, within(1e-12));
            }
            // Distances are preserved: E(n) acts by isometries.
            double before = distance(cloud[0], cloud[1]);
            assertThat(distance(g.apply(cloud[0]), g.apply(cloud[1]))).isCloseTo(before, within(1e-12));
        }
    }

    @Test
    void featuresTransformUnderTheOrthogonalPartOnly() {
        EuclideanGroup e3 = EuclideanGroup.full(3);
        Representation vector = e3.irrep("1o");
        Rng rng = new Rng(SEED + 1);
        EuclideanGroup.Element g = e3.sample(rng);
        assertThat(vector.matrix(g).isClose(O3.group().irrep("1o").matrix(g.orthogonalPart()), 0)).isTrue();
        assertThat(vector.matrix(e3.translation(5, -1, 2)).isClose(Matrix.identity(3), 1e-13)).as("translations act"
                + " trivially").isTrue();
        assertThat(Representation.standard(e3).matrix(g)).isEqualTo(g.linearPart());
        assertThat(EuclideanGroup.full(2).element(new double[2], O2.group().element(0, true)).linearPart()
                .determinant()).isEqualTo(-1.0);
    }

    @Test
    void invalidElementsAreRejected() {
        EuclideanGroup se2 = EuclideanGroup.special(2);
        assertThatThrownBy(() -> se2.element(new double[3], SO2.group().identity()))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("length 2");
        assertThatThrownBy(() -> se2.element(new double[2], O2.group().identity()))
                .isInstanceOf(GroupMismatchException.class).hasMessageContaining("SO(2)").hasMessageContaining("O(2)");
        assertThatThrownBy(() -> EuclideanGroup.full(4)).isInstanceOf(InvalidArgumentException.class);
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s);
    }
}
