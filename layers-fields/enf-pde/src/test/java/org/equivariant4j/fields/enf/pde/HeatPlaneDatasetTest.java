package org.equivariant4j.fields.enf.pde;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The heat-plane splits: sources where the reference puts them, the transformed split the half-turned test split. */
class HeatPlaneDatasetTest {
    private static final HeatPlaneConfig CONFIG = new HeatPlaneConfig(24, 3.0, 0.1, 3.5, 6, 0.5);

    @Test
    void trainAndTestSourcesAreInTheUpperHalfAndTransformedOnesInTheLowerHalf() {
        PdeDataset data = PdeDataset.generate(CONFIG, 3, 8, 8);
        PdeGrid grid = data.grid();
        for (int k = 0; k < 8; k++) {
            assertThat(centreY(data.train(), grid, k)).as("train %d", k).isPositive();
            assertThat(centreY(data.test(), grid, k)).as("test %d", k).isPositive();
            assertThat(centreY(data.transformedTest(), grid, k)).as("transformed %d", k).isNegative();
        }
    }

    /** The half turn maps the grid onto itself: node (i, j) goes to (n-1-i, n-1-j), so frames agree to rounding. */
    @Test
    void theTransformedSplitIsTheTestSplitTurnedByAHalfTurn() {
        PdeDataset data = PdeDataset.generate(CONFIG, 5, 0, 4);
        int n = CONFIG.size();
        for (int k = 0; k < 4; k++) {
            for (int t = 0; t < CONFIG.frames(); t++) {
                float[] test = data.test().frame(k, t);
                float[] turned = data.transformedTest().frame(k, t);
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        float expected = test[(n - 1 - i) * n + (n - 1 - j)];
                        assertThat(turned[i * n + j]).isCloseTo(expected,
                                org.assertj.core.data.Offset.offset(1e-6f * (1 + Math.abs(expected))));
                    }
                }
            }
        }
    }

    @Test
    void aTrajectoryIsTheSameInAnyBatchAndFramesAreDtApart() {
        Trajectories all = CONFIG.simulate(11, Split.TRAIN, 0, 3);
        Trajectories third = CONFIG.simulate(11, Split.TRAIN, 2, 1);
        int stride = CONFIG.frames() * 24 * 24;
        assertThat(third.values()).containsExactly(java.util.Arrays.copyOfRange(all.values(), 2 * stride, 3 * stride));
        assertThat(all.dt()).isEqualTo(0.5);
        // heat spreads: the peak falls frame after frame
        for (int t = 1; t < CONFIG.frames(); t++) {
            assertThat(FrameStats.max(all.frame(0, t))).isLessThan(FrameStats.max(all.frame(0, t - 1)));
        }
    }

    @Test
    void differentSeedsGiveDifferentSources() {
        Trajectories a = CONFIG.simulate(1, Split.TRAIN, 0, 1);
        Trajectories b = CONFIG.simulate(2, Split.TRAIN, 0, 1);
        Trajectories c = CONFIG.simulate(1, Split.TEST, 0, 1);
        assertThat(a.values()).isNotEqualTo(b.values());
        assertThat(a.values()).isNotEqualTo(c.values());
    }

    private static double centreY(Trajectories s, PdeGrid grid, int k) {
        float[] f = s.frame(k, 0);
        double mass = 0;
        double y = 0;
        for (int p = 0; p < f.length; p++) {
            mass += f[p];
            y += f[p] * grid.coordinate(p, 1);
        }
        return y / mass;
    }
}
