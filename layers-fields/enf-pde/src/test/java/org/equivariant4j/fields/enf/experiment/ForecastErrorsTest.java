package org.equivariant4j.fields.enf.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.fields.enf.pde.ObservedPoints;
import org.equivariant4j.fields.enf.pde.Trajectories;
import org.junit.jupiter.api.Test;

class ForecastErrorsTest {
    /** One trajectory, 4 frames, 3 points: value = t * 10 + p. */
    private static Trajectories truth() {
        float[] v = new float[12];
        for (int t = 0; t < 4; t++) {
            for (int p = 0; p < 3; p++) {
                v[t * 3 + p] = t * 10 + p;
            }
        }
        return new Trajectories(1, 4, 3, 0.5, v);
    }

    @Test
    void groupsFramesByHorizonAndPointsBySeenAndUnseen() {
        Trajectories truth = truth();
        ObservedPoints points = new ObservedPoints(new int[] {0}, new int[] {1, 2});
        double[][][] forecast = new double[1][4][3];
        for (int t = 0; t < 4; t++) {
            for (int p = 0; p < 3; p++) {
                // error 1 at the seen point, 2 at the unseen ones in frame 1 (inside a horizon of 2); 3 beyond
                double e = t == 0 ? 100 : t == 1 ? (p == 0 ? 1 : 2) : 3;
                forecast[0][t][p] = truth.value(0, t, p) + e;
            }
        }
        ForecastErrors e = ForecastErrors.measure(forecast, truth, points, 2);
        assertThat(e.inHorizonSeen()).isCloseTo(1, offset(1e-12));
        assertThat(e.inHorizonUnseen()).isCloseTo(4, offset(1e-12));
        assertThat(e.beyondSeen()).isCloseTo(9, offset(1e-12));
        assertThat(e.beyondUnseen()).isCloseTo(9, offset(1e-12));
    }

    @Test
    void persistenceHoldsTheFirstFrame() {
        Trajectories truth = truth();
        ForecastErrors e = ForecastErrors.measure(ForecastErrors.persistence(truth), truth,
                new ObservedPoints(new int[] {1}, new int[] {0, 2}), 2);
        assertThat(e.inHorizonSeen()).isCloseTo(100, offset(1e-9));
        assertThat(e.beyondUnseen()).isCloseTo((400 + 900) / 2.0, offset(1e-9));
    }

    @Test
    void mismatchedForecastsAreRefused() {
        assertThatThrownBy(() -> ForecastErrors.measure(new double[2][4][3], truth(),
                new ObservedPoints(new int[] {0}, new int[] {1, 2}), 2)).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("2 forecasts for 1 trajectories");
    }
}
