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
import org.equivariant4j.groups.EuclideanGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short EGNN training on a small cached N-body dataset (the reference task: frame 30 to 40 of 5,000-step
 * trajectories): 300 Adam steps (batch 25) of a 2-layer, 32-channel model reach a held-out MSE well below the
 * constant-velocity predictor's (and far below predicting no motion).
 */
class NBodyTrainingTest {

    @Test
    void threeHundredStepsBeatTheConstantVelocityPredictor(@TempDir Path cache) {
        EuclideanGroup e3 = EuclideanGroup.full(3);
        NBodyConfig config = NBodyConfig.reference();
        NBodyDataset data = NBodyDataset.load(config, 43, 250, 10, 200, cache);
        NBodyTask task = NBodyTask.reference();
        NBodyExamples train = new NBodyExamples(data.train(), task, config, e3, DType.FLOAT32);
        NBodyExamples test = new NBodyExamples(data.test(), task, config, e3, DType.FLOAT32);
        EgnnNBodyModel model = new EgnnNBodyModel(e3, 32, 2, new Rng(1));
        NBodyTrainer trainer = new NBodyTrainer(model, train, 25, 2e-3, 1e-12, 1);
        double before = NBodyTrainer.meanSquaredError(model, test, 100);
        for (int epoch = 0; epoch < 30; epoch++) {
            trainer.trainEpoch(epoch, StepListener.NONE, () -> false);
        }
        double after = NBodyTrainer.meanSquaredError(model, test, 100);
        double constantVelocity = test.constantVelocityMse();
        System.out.printf("NBodyTrainingTest: test MSE %.5f -> %.5f after 300 steps; constant velocity %.5f, static %.5f%n",
                before, after, constantVelocity, test.staticMse());
        assertThat(after).as("test MSE after 300 steps (before %s, constant velocity %s)", before, constantVelocity)
                .isLessThan(0.35 * constantVelocity);
        assertThat(test.staticMse()).isGreaterThan(constantVelocity);
    }
}
