package org.equivariant4j.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.group.GroupElement;
import org.equivariant4j.core.group.Matrix;
import org.equivariant4j.core.tensor.Rng;
import org.junit.jupiter.api.Test;

/** SO(3) specifics beyond the group contract: parameterisations, Haar sampling, geodesic distance, grids. */
class SO3Test {
    private static final SO3 SO3_GROUP = SO3.group();
    private static final long SEED = 11;

    private static List<SO3.Element> samples(int n, long seed) {
        Rng rng = new Rng(seed);
        List<SO3.Element> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(SO3_GROUP.sample(rng));
        }
        return out;
    }

    @Test
    void quaternionAndMatrixRoundTrip() {
        List<SO3.Element> rotations = new ArrayList<>(samples(200, SEED));
        // Near and at 180 degrees, where the naive trace formula loses all precision.
        for (double angle : new double[] {Math.PI, Math.PI - 1e-9, Math.PI - 1e-4, 1e-9}) {
            rotations.add(SO3_GROUP.fromAxisAngle(new double[] {1, 1, 0}, angle));
            rotations.add(SO3_GROUP.fromAxisAngle(new double[] {-0.3, 0.2, 0.9}, angle));
        }
        for (SO3.Element r : rotations) {
            Matrix m = r.matrix();
            assertThat(m.isOrthogonal(1e-14)).as("R of %s orthogonal (seed %d)", r, SEED).isTrue();
            assertThat(m.determinant()).as("det R of %s (seed %d)", r, SEED).isCloseTo(1, within(1e-14));
            SO3.Element back = SO3_GROUP.fromMatrix(m);
            assertThat(SO3_GROUP.distance(back, r)).as("fromMatrix(matrix(q)) for %s (seed %d)", r, SEED)
                    .isLessThan(1e-12);
            assertThat(back.quaternion().dot(r.quaternion())).as("same canonical sign for %s", r).isPositive();
        }
    }

    @Test
    void axisAngleFollowsTheRightHandRule() {
        SO3.Element quarter = SO3_GROUP.fromAxisAngle(new double[] {0, 0, 2}, Math.PI / 2);
        assertThat(quarter.matrix().isClose(Matrix.ofRowMajor(3, 3, 0, -1, 0, 1, 0, 0, 0, 0, 1), 1e-15)).isTrue();
        assertThat(quarter.apply(new double[] {1, 0, 0})).containsExactly(new double[] {0, 1, 0}, within(1e-15));
        assertThat(quarter.angle()).isCloseTo(Math.PI / 2, within(1e-15));
        assertThatThrownBy(() -> SO3_GROUP.fromMatrix(Matrix.diagonal(1, 1, -1)))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("rotation matrix");
    }

    @Test
    void haarSamplesHaveTheHaarStatistics() {
        // Under Haar measure the rotation angle has density (1 - cos θ)/π on [0, π]:
        // E[θ] = π/2 + 2/π, P(θ <= π/2) = (π/2 - 1)/π, E[trace R] = 0 and E[R] = 0.
        int n = 20_000;
        double angle = 0;
        double belowQuarter = 0;
        double trace = 0;
        double[] mean = new double[9];
        for (SO3.Element r : samples(n, SEED)) {
            angle += r.angle();
            belowQuarter += r.angle() <= Math.PI / 2 ? 1 : 0;
            Matrix m = r.matrix();
            trace += m.trace();
            double[] e = m.toRowMajor();
            for (int i = 0; i < 9; i++) {
                mean[i] += e[i] / n;
            }
        }
        assertThat(angle / n).as("mean angle (seed %d)", SEED).isCloseTo(Math.PI / 2 + 2 / Math.PI, within(0.03));
        assertThat(belowQuarter / n).as("P(angle <= pi/2) (seed %d)", SEED).isCloseTo((Math.PI / 2 - 1) / Math.PI,
                within(0.015));
        assertThat(trace / n).as("mean trace (seed %d)", SEED).isCloseTo(0, within(0.04));
        assertThat(mean).as("mean matrix entries (seed %d)", SEED).containsExactly(new double[9], within(0.03));
    }

    @Test
    void geodesicDistanceIsTheAngleOfTheRelativeRotation() {
        for (double a : new double[] {0, 0.1, 1, Math.PI / 2, 3, Math.PI}) {
            assertThat(SO3_GROUP.distance(SO3_GROUP.identity(), SO3_GROUP.fromAxisAngle(new double[] {1, 2, 3}, a)))
                    .isCloseTo(a, within(1e-12));
        }
        List<SO3.Element> s = samples(30, SEED + 1);
        for (int i = 0; i + 2 < s.size(); i += 3) {
            SO3.Element a = s.get(i);
            SO3.Element b = s.get(i + 1);
            SO3.Element g = s.get(i + 2);
            double d = SO3_GROUP.distance(a, b);
            assertThat(d).isBetween(0.0, Math.PI);
            assertThat(SO3_GROUP.distance(b, a)).as("symmetric").isCloseTo(d, within(1e-12));
            assertThat(SO3_GROUP.distance(g.compose(a), g.compose(b))).as("left-invariant").isCloseTo(d, within(1e-12));
            assertThat(SO3_GROUP.distance(a.compose(g), b.compose(g))).as("right-invariant").isCloseTo(d,
                    within(1e-12));
            assertThat(SO3_GROUP.distance(a, g) + SO3_GROUP.distance(g, b)).as("triangle inequality")
                    .isGreaterThanOrEqualTo(d - 1e-12);
        }
    }

    @Test
    void gridsAreDeterministicAndWellSpread() {
        List<GroupElement> probes = new ArrayList<>(samples(2000, SEED + 2));
        for (int n : new int[] {24, 60, 200}) {
            List<GroupElement> grid = SO3_GROUP.grid(n);
            assertThat(SO3_GROUP.grid(n)).as("grid(%d) is deterministic", n).isEqualTo(grid);
            double spacing = Math.cbrt(Math.PI * Math.PI / n); // SO(3) has volume pi^2 in this metric
            double minimum = minimumDistance(grid);
            double covering = 0;
            for (GroupElement p : probes) {
                double nearest = Double.POSITIVE_INFINITY;
                for (GroupElement g : grid) {
                    nearest = Math.min(nearest, SO3_GROUP.distance(p, g));
                }
                covering = Math.max(covering, nearest);
            }
            List<GroupElement> random = new ArrayList<>(samples(n, SEED + 3));
            assertThat(minimum).as("closest pair of grid(%d) vs spacing %s", n, spacing).isGreaterThan(1.7 * spacing);
            assertThat(covering).as("covering radius of grid(%d) vs spacing %s", n, spacing).isLessThan(1.8 * spacing);
            assertThat(minimum).as("grid(%d) vs %d Haar samples (seed %d)", n, n, SEED + 3)
                    .isGreaterThan(3 * minimumDistance(random));
        }
    }

    private static double minimumDistance(List<GroupElement> points) {
        double m = Double.POSITIVE_INFINITY;
        for (int i = 0; i < points.size(); i++) {
            for (int j = i + 1; j < points.size(); j++) {
                m = Math.min(m, SO3_GROUP.distance(points.get(i), points.get(j)));
            }
        }
        return m;
    }

    @Test
    void quaternionTextRoundTripsExactly() {
        for (SO3.Element r : samples(50, SEED + 4)) {
            assertThat(SO3_GROUP.parseElement(r.toString())).isEqualTo(r);
        }
        assertThat(SO3_GROUP.element(Quaternion.of(-1, 0, 0, 0))).as("-1 is the identity").isEqualTo(
                SO3_GROUP.identity());
    }
}
