package org.equivariant4j.fields.enf.pde;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The Navier-Stokes splits: seeded, batch-independent, and the transformed split the moved test split. */
class NavierStokesDatasetTest {
    private static final NavierStokesConfig CONFIG = new NavierStokesConfig(16, 1e-3, 0.3, 2.5, 7.0, 1.0, 4, 1.0, 0.05);

    @Test
    void eachTransformedTrajectoryIsItsTestTrajectoryMovedBySymmetry() {
        Trajectories test = CONFIG.simulate(4, Split.TEST, 0, 3);
        Trajectories moved = CONFIG.simulate(4, Split.TRANSFORMED_TEST, 0, 3);
        int n = CONFIG.size();
        for (int k = 0; k < 3; k++) {
            int element = 1 + TrajectorySeeds.transformation(4, k).nextInt(15);
            double scale = 0;
            double distance = 0;
            for (int t = 0; t < CONFIG.frames(); t++) {
                double[] expected = toDouble(test.frame(k, t));
                TorusSymmetry.apply(expected, 0, n, element % 4, (element / 4) % 2 * n / 2, element / 8 * n / 2);
                float[] got = moved.frame(k, t);
                for (int p = 0; p < n * n; p++) {
                    scale = Math.max(scale, Math.abs(expected[p]));
                    distance = Math.max(distance, Math.abs(expected[p] - got[p]));
                }
            }
            // float32 storage: 1e-6 of the field's size
            assertThat(distance).as("trajectory %d, element %d", k, element).isLessThan(1e-5 * scale);
            assertThat(moved.frame(k, 0)).as("it did move").isNotEqualTo(test.frame(k, 0));
        }
    }

    @Test
    void aTrajectoryIsTheSameInAnyBatch() {
        Trajectories all = CONFIG.simulate(6, Split.TRAIN, 0, 3);
        Trajectories last = CONFIG.simulate(6, Split.TRAIN, 2, 1);
        int stride = CONFIG.frames() * 256;
        assertThat(last.values()).containsExactly(java.util.Arrays.copyOfRange(all.values(), 2 * stride, 3 * stride));
    }

    @Test
    void theFlowEvolvesAndStaysFinite() {
        Trajectories t = CONFIG.simulate(1, Split.TRAIN, 0, 1);
        double change = 0;
        for (int p = 0; p < 256; p++) {
            assertThat(Float.isFinite(t.value(0, 3, p))).isTrue();
            change = Math.max(change, Math.abs(t.value(0, 3, p) - t.value(0, 0, p)));
        }
        assertThat(change).isGreaterThan(0.01);
    }

    private static double[] toDouble(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }
}
