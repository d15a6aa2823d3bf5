package org.equivariant4j.gconv.weightsharing.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.equivariant4j.core.experiment.ExperimentConfig;
import org.equivariant4j.core.experiment.ExperimentRun;
import org.equivariant4j.core.experiment.StepListener;
import org.equivariant4j.core.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A discovery run stopped after one epoch and resumed from its parameters and its training state (both optimisers'
 * state dicts) ends where the uninterrupted run ends, bit for bit; resumed without the training state it does not.
 */
class DiscoveryResumeTest {

    private static ExperimentRun start(Path dir) {
        SymmetryDiscoveryExperiment e = SymmetryDiscoveryExperiment.discoverC4();
        return e.start(ExperimentConfig.resolve(e, Map.of("size", "9", "channels", "2", "train-size", "64", "test-size", "16",
                "batch-size", "16", "figure", dir.resolve("m.png").toString())));
    }

    private static Map<String, Tensor> copy(Map<String, Tensor> state) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        state.forEach((k, v) -> out.put(k, v.detach().mul(1.0)));
        return out;
    }

    @Test
    void aResumedRunEqualsTheUninterruptedOneBitForBit(@TempDir Path dir) {
        ExperimentRun whole = start(dir);
        whole.trainEpoch(0, StepListener.NONE, () -> false);
        whole.trainEpoch(1, StepListener.NONE, () -> false);

        ExperimentRun first = start(dir);
        first.trainEpoch(0, StepListener.NONE, () -> false);
        Map<String, Tensor> parameters = copy(first.model().stateDict());
        Map<String, Tensor> training = copy(first.trainingState());
        assertThat(training.keySet()).anyMatch(k -> k.startsWith("kernels.")).anyMatch(k -> k.startsWith("scores."));

        ExperimentRun resumed = start(dir);
        resumed.model().loadStateDict(parameters);
        resumed.loadTrainingState(training);
        resumed.trainEpoch(1, StepListener.NONE, () -> false);
        whole.model().stateDict().forEach((name, value) -> assertThat(resumed.model().stateDict().get(name).toDoubleArray())
                .as("%s after the resumed epoch", name).containsExactly(value.toDoubleArray()));

        ExperimentRun restarted = start(dir);
        restarted.model().loadStateDict(parameters);
        restarted.trainEpoch(1, StepListener.NONE, () -> false);
        assertThat(restarted.model().stateDict().entrySet()).as("negative control: optimiser state restarted")
                .anyMatch(e -> !java.util.Arrays.equals(e.getValue().toDoubleArray(), whole.model().stateDict().get(e.getKey()).toDoubleArray()));
    }
}
