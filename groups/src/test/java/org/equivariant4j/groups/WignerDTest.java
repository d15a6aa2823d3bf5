package org.equivariant4j.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.group.Matrix;
import org.equivariant4j.core.tensor.Rng;
import org.junit.jupiter.api.Test;

/** Real spherical harmonics and Wigner-D matrices: closed forms, orthonormality and Y(Rx) = D(R) Y(x). */
class WignerDTest {
    private static final long SEED = 5;
    private static final int MAX_DEGREE = 8;

    private static double[] randomDirection(Rng rng) {
        return new double[] {rng.nextGaussian(), rng.nextGaussian(), rng.nextGaussian()};
    }

    @Test
    void lowDegreesMatchTheClosedForms() {
        double x = 0.36;
        double y = -0.48;
        double z = 0.8; // a unit vector
        double c1 = Math.sqrt(3 / (4 * Math.PI));
        assertThat(SphericalHarmonics.evaluate(1, x, y, z)).containsExactly(new double[] {c1 * y, c1 * z, c1 * x},
                within(1e-15));
        double c2 = 0.5 * Math.sqrt(15 / Math.PI);
        assertThat(SphericalHarmonics.evaluate(2, x, y, z)).containsExactly(new double[] {
            c2 * x * y, c2 * y * z, 0.25 * Math.sqrt(5 / Math.PI) * (3 * z * z - 1), c2 * x * z,
            0.5 * c2 * (x * x - y * y)}, within(1e-14));
        assertThat(SphericalHarmonics.evaluate(0, 3, 0, 0)).containsExactly(new double[] {0.5 / Math.sqrt(Math.PI)},
                within(1e-15));
        assertThat(SphericalHarmonics.evaluate(1, 2 * x, 2 * y, 2 * z)).as("only the direction matters")
                .containsExactly(SphericalHarmonics.evaluate(1, x, y, z), within(1e-15));
        assertThatThrownBy(() -> SphericalHarmonics.evaluate(1, 0, 0, 0)).isInstanceOf(InvalidArgumentException.class);
    }

    @Test
    void sphericalHarmonicsAreOrthonormal() {
        // A product rule finer than any used by WignerD, exact up to degree 2 * 8.
        int nz = 12;
        int nphi = 25;
        double[][] gl = WignerD.gaussLegendre(nz);
        int dim = (MAX_DEGREE + 1) * (MAX_DEGREE + 1);
        double[][] gram = new double[dim][dim];
        for (int i = 0; i < nz; i++) {
            double z = gl[0][i];
            double s = Math.sqrt(1 - z * z);
            for (int j = 0; j < nphi; j++) {
                double phi = 2 * Math.PI * j / nphi;
                double[] y = SphericalHarmonics.evaluateUpTo(MAX_DEGREE, new double[] {s * Math.cos(phi), s * Math.sin(phi), z});
                double w = gl[1][i] * 2 * Math.PI / nphi;
                for (int a = 0; a < dim; a++) {
                    for (int b = 0; b < dim; b++) {
                        gram[a][b] += w * y[a] * y[b];
                    }
                }
            }
        }
        assertThat(Matrix.of(gram).isClose(Matrix.identity(dim), 1e-12)).as("∫ Y Yᵀ dΩ = I up to l = %d", MAX_DEGREE)
                .isTrue();
    }

    @Test
    void wignerDRotatesTheSphericalHarmonics() {
        Rng rng = new Rng(SEED);
        for (int trial = 0; trial < 20; trial++) {
            SO3.Element r = SO3.group().sample(rng);
            double[] x = randomDirection(rng);
            for (int l = 0; l <= MAX_DEGREE; l++) {
                double[] lhs = SphericalHarmonics.evaluate(l, r.apply(x));
                double[] rhs = WignerD.matrix(l, r).multiply(SphericalHarmonics.evaluate(l, x));
                assertThat(lhs).as("Y_%d(R x) = D_%d(R) Y_%d(x) for R = %s, x = (%s, %s, %s) (seed %d)", l, l, l, r,
                        x[0], x[1], x[2], SEED).containsExactly(rhs, within(1e-12));
            }
        }
    }

    @Test
    void degreeOneIsTheRotationInTheOrderYZX() {
        Matrix p = Matrix.permutation(new int[] {2, 0, 1}); // (x, y, z) -> (y, z, x)
        Rng rng = new Rng(SEED + 1);
        for (int trial = 0; trial < 10; trial++) {
            SO3.Element r = SO3.group().sample(rng);
            Matrix expected = p.multiply(r.matrix()).multiply(p.transpose());
            assertThat(WignerD.matrix(1, r).isClose(expected, 1e-13)).as("D_1(R) = P R Pᵀ for %s", r).isTrue();
        }
    }

    @Test
    void charactersFollowTheWeylFormula() {
        // χ_l(θ) = sin((2l + 1) θ / 2) / sin(θ / 2): an independent check of every D_l.
        Rng rng = new Rng(SEED + 2);
        for (int trial = 0; trial < 10; trial++) {
            SO3.Element r = SO3.group().sample(rng);
            double theta = r.angle();
            for (int l = 0; l <= MAX_DEGREE; l++) {
                double expected = Math.sin((2 * l + 1) * theta / 2) / Math.sin(theta / 2);
                assertThat(WignerD.matrix(l, r).trace()).as("χ_%d at angle %s (seed %d)", l, theta, SEED + 2)
                        .isCloseTo(expected, within(1e-10));
            }
        }
    }

    @Test
    void highDegreesBeyondTheCacheAgree() {
        SO3.Element r = SO3.group().fromAxisAngle(new double[] {1, -2, 0.5}, 1.3);
        double[] x = {0.2, 0.9, -0.4};
        int l = 14;
        assertThat(SphericalHarmonics.evaluate(l, r.apply(x))).containsExactly(
                WignerD.matrix(l, r).multiply(SphericalHarmonics.evaluate(l, x)), within(1e-10));
    }
}
