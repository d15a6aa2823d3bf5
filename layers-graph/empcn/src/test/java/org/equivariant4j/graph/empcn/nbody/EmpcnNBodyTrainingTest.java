package org.equivariant4j.graph.empcn.nbody;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.equivariant4j.core.experiment.StepListener;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.graph.nbody.training.NBodyModel;
import org.equivariant4j.graph.nbody.training.NBodyTrainer;
import org.equivariant4j.graph.egnn.nbody.VelocityOnlyNBodyModel;
import org.equivariant4j.graph.empcn.EmpcnVariant;
import org.equivariant4j.graph.nbody.NBodyConfig;
import org.equivariant4j.graph.nbody.NBodyDataset;
import org.equivariant4j.graph.nbody.NBodyExamples;
import org.equivariant4j.graph.nbody.NBodyTask;
import org.equivariant4j.groups.EuclideanGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A short EMPCN training per variant (2 layers, 16 channels, triangles) on a small cached N-body dataset,
 * with the egnn module's trainer: 120 Adam steps (batch 25) reach a held-out MSE below {@value #BOUND} of the
 * constant-velocity predictor's (0.23 coupled, 0.32 decoupled, README). Negative control: the interaction-blind
 * {@link VelocityOnlyNBodyModel} trained the same way must fail that bound.
 */
class EmpcnNBodyTrainingTest {
    private static final double BOUND = 0.5;

    @ParameterizedTest
    @EnumSource(EmpcnVariant.class)
    void aHundredAndTwentyStepsBeatTheConstantVelocityPredictor(EmpcnVariant variant, @TempDir Path cache) {
        EuclideanGroup e3 = EuclideanGroup.full(3);
        double ratio = trainedTestMse(new EmpcnNBodyModel(e3, 16, 2, variant, new Rng(1)), cache, variant.toString());
        assertThat(ratio).as("%s: test MSE / constant-velocity test MSE after 120 steps", variant).isLessThan(BOUND);
    }

    @Test
    void negativeControlAModelBlindToInteractionsFailsTheBound(@TempDir Path cache) {
        double ratio = trainedTestMse(new VelocityOnlyNBodyModel(EuclideanGroup.full(3), 16, new Rng(1)), cache,
                "velocity only");
        assertThat(ratio).as("interaction-blind model / constant velocity after 120 steps").isGreaterThan(BOUND);
    }

    private static double trainedTestMse(NBodyModel model, Path cache, String label) {
        EuclideanGroup e3 = EuclideanGroup.full(3);
        NBodyConfig config = NBodyConfig.reference();
        NBodyDataset data = NBodyDataset.load(config, 43, 250, 10, 200, cache);
        NBodyTask task = NBodyTask.reference();
        NBodyExamples train = new NBodyExamples(data.train(), task, config, e3, DType.FLOAT32);
        NBodyExamples test = new NBodyExamples(data.test(), task, config, e3, DType.FLOAT32);
        NBodyTrainer trainer = new NBodyTrainer(model, train, 25, 2e-3, 1e-12, 1);
        double before = NBodyTrainer.meanSquaredError(model, test, 100);
        for (int epoch = 0; epoch < 12; epoch++) {
            trainer.trainEpoch(epoch, StepListener.NONE, () -> false);
        }
        double after = NBodyTrainer.meanSquaredError(model, test, 100);
        double constantVelocity = test.constantVelocityMse();
        System.out.printf("EmpcnNBodyTrainingTest %s: test MSE %.5f -> %.5f after 120 steps (%.2f of constant velocity %.5f)%n",
                label, before, after, after / constantVelocity, constantVelocity);
        return after / constantVelocity;
    }
}
