package org.equivariant4j.fields.enf.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.fields.enf.pde.ForecastMse;
import org.equivariant4j.fields.enf.pde.HeatPlaneConfig;
import org.equivariant4j.fields.enf.pde.PdeDataset;
import org.junit.jupiter.api.Test;

/**
 * The grid baseline learns planar heat: its rollouts beat the persistence forecast by a factor of 4 in and beyond
 * the training horizon. Persistence is what a stepper that learned nothing (the identity residual) scores; the
 * negative control, an untrained stepper, does not pass the same bound.
 */
class GridBaselineTest {
    private static final GridBaselineSettings SETTINGS = new GridBaselineSettings(8, 3, 12, 16, 3e-3, 10, 0);

    @Test
    void beatsPersistenceOnPlanarHeatByAFactorOfFour() {
        PdeDataset data = PdeDataset.generate(HeatPlaneConfig.toy(), 0, 8, 4);
        GridStepper model = GridBaseline.train(data, SETTINGS);
        GridBaselineScores scores = GridBaseline.evaluate(model, data, 10);
        assertThat(scores.test().inHorizon()).isLessThan(scores.persistenceTest().inHorizon() / 4);
        assertThat(scores.test().beyondHorizon()).isLessThan(scores.persistenceTest().beyondHorizon() / 4);
    }

    @Test
    void anUntrainedStepperDoesNotPassTheBound() {
        PdeDataset data = PdeDataset.generate(HeatPlaneConfig.toy(), 0, 1, 4);
        GridStepper untrained = new GridStepper(32, 32, false, 8, 3, 0.2, new Rng(0));
        ForecastMse mse = ForecastMse.of(data.test(), GridBaseline.rollout(untrained, data.test()), 10, null);
        ForecastMse persistence = ForecastMse.persistence(data.test(), 10, null);
        assertThat(mse.inHorizon()).isGreaterThan(persistence.inHorizon() / 4);
    }
}
