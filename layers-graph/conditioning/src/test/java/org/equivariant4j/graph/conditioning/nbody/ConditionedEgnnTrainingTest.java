package org.equivariant4j.graph.conditioning.nbody;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.equivariant4j.core.experiment.StepListener;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.graph.conditioning.ConditioningFactory;
import org.equivariant4j.graph.conditioning.ConditioningMode;
import org.equivariant4j.graph.egnn.nbody.EgnnNBodyModel;
import org.equivariant4j.graph.nbody.training.NBodyTrainer;
import org.equivariant4j.graph.nbody.NBodyConfig;
import org.equivariant4j.graph.nbody.NBodyDataset;
import org.equivariant4j.graph.nbody.NBodyExamples;
import org.equivariant4j.graph.nbody.NBodyTask;
import org.equivariant4j.groups.EuclideanGroup;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A short training of a conditioned EGNN (2 layers, 16 channels, conditioned on the charge product as in the
 * experiments) per mode on a small cached N-body dataset, with the egnn module's trainer: 150 Adam steps
 * (batch 25) reach a held-out MSE well below the constant-velocity predictor's.
 */
class ConditionedEgnnTrainingTest {

    @ParameterizedTest
    @EnumSource(ConditioningMode.class)
    void aHundredAndFiftyStepsBeatTheConstantVelocityPredictor(ConditioningMode mode, @TempDir Path cache) {
        EuclideanGroup e3 = EuclideanGroup.full(3);
        NBodyConfig config = NBodyConfig.reference();
        NBodyDataset data = NBodyDataset.load(config, 43, 250, 10, 200, cache);
        NBodyTask task = NBodyTask.reference();
        NBodyExamples train = new NBodyExamples(data.train(), task, config, e3, DType.FLOAT32);
        NBodyExamples test = new NBodyExamples(data.test(), task, config, e3, DType.FLOAT32);
        EgnnNBodyModel model = new EgnnNBodyModel(e3, 16, 2, ConditioningFactory.of(mode).conditionOn(0), new Rng(1));
        NBodyTrainer trainer = new NBodyTrainer(model, train, 25, 2e-3, 1e-12, 1);
        double before = NBodyTrainer.meanSquaredError(model, test, 100);
        for (int epoch = 0; epoch < 15; epoch++) {
            trainer.trainEpoch(epoch, StepListener.NONE, () -> false);
        }
        double after = NBodyTrainer.meanSquaredError(model, test, 100);
        double constantVelocity = test.constantVelocityMse();
        System.out.printf("ConditionedEgnnTrainingTest %s: test MSE %.5f -> %.5f after 150 steps; constant velocity %.5f%n",
                mode, before, after, constantVelocity);
        assertThat(after).as("%s: test MSE after 150 steps (before %s, constant velocity %s)", mode, before,
                constantVelocity).isLessThan(0.5 * constantVelocity);
    }
}
