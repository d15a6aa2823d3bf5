package org.equivariant4j.graph.egnn.nbody;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.equivariant4j.core.experiment.StepListener;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.graph.nbody.NBodyConfig;
import org.equivariant4j.graph.nbody.NBodyDataset;
import org.equivariant4j.graph.nbody.NBodyExamples;
import org.equivariant4j.graph.nbody.NBodyTask;
import org.equivariant4j.graph.nbody.training.NBodyModel;
import org.equivariant4j.graph.nbody.training.NBodyTrainer;
import org.equivariant4j.groups.EuclideanGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's ordering "EGNN below constant velocity" at CI size, on the reference task (frame 30 to 40 of
 * 5,000-step trajectories, 250 cached training trajectories, 200 test ones): 300 Adam steps (batch 25) of a
 * 2-layer, 32-channel EGNN must reach a test MSE below {@value #BOUND} of the constant-velocity predictor's.
 *
 * <p>Why {@value #BOUND}: a model that ignores the interactions can at best rescale each velocity, i.e. be a
 * learned constant-velocity predictor, and ends near 1.0 of it; the EGNN ends near 0.15 (0.017 against
 * 0.111, measured). The bound sits between the two with a wide margin on both sides, and the negative control
 * below, {@link VelocityOnlyNBodyModel} (the same EGNN layer with its coordinate messages switched off) trained the
 * same way, must fail it.
 */
class NBodyTrainingTest {
    private static final double BOUND = 0.35;

    private static double trainedTestMse(NBodyModel model, Path cache, String label) {
        EuclideanGroup e3 = EuclideanGroup.full(3);
        NBodyConfig config = NBodyConfig.reference();
        NBodyDataset data = NBodyDataset.load(config, 43, 250, 10, 200, cache);
        NBodyTask task = NBodyTask.reference();
        NBodyExamples train = new NBodyExamples(data.train(), task, config, e3, DType.FLOAT32);
        NBodyExamples test = new NBodyExamples(data.test(), task, config, e3, DType.FLOAT32);
        NBodyTrainer trainer = new NBodyTrainer(model, train, 25, 2e-3, 1e-12, 1);
        double before = NBodyTrainer.meanSquaredError(model, test, 100);
        for (int epoch = 0; epoch < 30; epoch++) {
            trainer.trainEpoch(epoch, StepListener.NONE, () -> false);
        }
        double after = NBodyTrainer.meanSquaredError(model, test, 100);
        double constantVelocity = test.constantVelocityMse();
        System.out.printf("NBodyTrainingTest %s: test MSE %.5f -> %.5f after 300 steps (%.2f of constant velocity %.5f;"
                + " static %.5f)%n", label, before, after, after / constantVelocity, constantVelocity, test.staticMse());
        assertThat(test.staticMse()).isGreaterThan(constantVelocity);
        return after / constantVelocity;
    }

    @Test
    void threeHundredStepsOfEgnnBeatTheConstantVelocityPredictor(@TempDir Path cache) {
        double ratio = trainedTestMse(new EgnnNBodyModel(EuclideanGroup.full(3), 32, 2, new Rng(1)), cache, "EGNN");
        assertThat(ratio).as("EGNN test MSE / constant-velocity test MSE after 300 steps").isLessThan(BOUND);
    }

    @Test
    void negativeControlAModelBlindToInteractionsFailsTheBound(@TempDir Path cache) {
        double ratio = trainedTestMse(new VelocityOnlyNBodyModel(EuclideanGroup.full(3), 32, new Rng(1)), cache, "velocity only");
        assertThat(ratio).as("interaction-blind model / constant velocity after 300 steps").isGreaterThan(BOUND);
    }
}
