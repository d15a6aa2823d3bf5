package org.equivariant4j.graph.egnn.nbody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.equivariant4j.core.error.InvalidOptionException;
import org.equivariant4j.core.experiment.EpochTraining;
import org.equivariant4j.core.experiment.ExperimentConfig;
import org.equivariant4j.core.experiment.ExperimentRun;
import org.equivariant4j.core.experiment.StepListener;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.graph.nbody.NBodyConfig;
import org.equivariant4j.graph.nbody.NBodyDataset;
import org.equivariant4j.graph.nbody.NBodyExamples;
import org.equivariant4j.graph.nbody.NBodyTask;
import org.equivariant4j.graph.nbody.training.NBodyExperiment;
import org.equivariant4j.graph.nbody.training.NBodyTrainer;
import org.equivariant4j.groups.EuclideanGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batching edges of the trainer: a training set smaller than a batch, and batch sizes that cannot work. */
class NBodyTrainerTest {
    private static final NBodyConfig CONFIG = NBodyConfig.reference();

    private static NBodyExamples examples(int samples, Path cache) {
        NBodyDataset data = NBodyDataset.load(CONFIG, 43, samples, 1, 1, cache);
        return new NBodyExamples(data.train(), NBodyTask.reference(), CONFIG, EuclideanGroup.full(3), DType.FLOAT32);
    }

    @Test
    void aTrainingSetSmallerThanTheBatchIsOneShortBatchPerEpoch(@TempDir Path cache) {
        NBodyExamples train = examples(10, cache);
        NBodyTrainer trainer = new NBodyTrainer(new EgnnNBodyModel(EuclideanGroup.full(3), 8, 1, new Rng(1)), train, 100,
                5e-4, 1e-12, 1);
        assertThat(trainer.batchSize()).isEqualTo(10);
        assertThat(trainer.stepsPerEpoch()).isEqualTo(1);
        EpochTraining epoch = trainer.trainEpoch(0, StepListener.NONE, () -> false);
        assertThat(epoch.metrics().get("train_mse")).isFinite().isPositive();
        // a full batch still drops the incomplete rest, as the reference's drop_last=True
        NBodyTrainer full = new NBodyTrainer(new EgnnNBodyModel(EuclideanGroup.full(3), 8, 1, new Rng(1)), train, 4, 5e-4,
                1e-12, 1);
        assertThat(full.stepsPerEpoch()).isEqualTo(2);
    }

    @Test
    void theExperimentRunsWithTenTrainingTrajectoriesAndTheDefaultBatch(@TempDir Path cache) {
        NBodyExperiment experiment = EgnnNBodyExperiments.egnn();
        ExperimentConfig config = ExperimentConfig.resolve(experiment, Map.of("train-size", "10", "valid-size", "3",
                "test-size", "3", "hidden", "8", "layers", "1", "epochs", "1", "cache-dir", cache.toString()));
        ExperimentRun run = experiment.start(config);
        EpochTraining epoch = run.trainEpoch(0, StepListener.NONE, () -> false);
        assertThat(epoch.metrics().get("train_mse")).isFinite();
        assertThat(run.evaluate().get("test_mse_at_best_valid")).isFinite();
    }

    @Test
    void aBatchSizeBelowOneIsRefusedByName(@TempDir Path cache) {
        NBodyExamples train = examples(4, cache);
        assertThatThrownBy(() -> new NBodyTrainer(new EgnnNBodyModel(EuclideanGroup.full(3), 8, 1, new Rng(1)), train, 0, 5e-4,
                1e-12, 1)).isInstanceOf(InvalidOptionException.class).hasMessageContaining("batch size must be at least 1, got 0");
    }
}
