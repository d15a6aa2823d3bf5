package org.equivariant4j.graph.egnn.nbody;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.equivariant4j.core.experiment.ExperimentConfig;
import org.equivariant4j.core.experiment.ExperimentRun;
import org.equivariant4j.core.experiment.StepListener;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.graph.nbody.training.NBodyExperiment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An N-body run stopped after two epochs and resumed from its parameters and training state (Adam's state and the
 * best-validation bookkeeping) trains and reports exactly what the uninterrupted run does; without the training
 * state it does not.
 */
class NBodyResumeTest {

    private static ExperimentRun start(Path cache) {
        NBodyExperiment experiment = EgnnNBodyExperiments.egnn();
        return experiment.start(ExperimentConfig.resolve(experiment, Map.of("train-size", "20", "valid-size", "10",
                "test-size", "10", "hidden", "8", "layers", "2", "batch-size", "10", "eval-every", "2", "steps", "4200",
                "cache-dir", cache.toString())));
    }

    private static Map<String, Tensor> copy(Map<String, Tensor> state) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        state.forEach((k, v) -> out.put(k, v.detach().mul(1.0)));
        return out;
    }

    /** Trains the given epochs, evaluating after each as the host does; returns the last evaluation without timings. */
    private static Map<String, Double> train(ExperimentRun run, int from, int to) {
        Map<String, Double> last = Map.of();
        for (int epoch = from; epoch < to; epoch++) {
            run.trainEpoch(epoch, StepListener.NONE, () -> false);
            last = new LinkedHashMap<>(run.evaluate());
            last.keySet().removeIf(ExperimentRun::isWallClock);
        }
        return last;
    }

    @Test
    void aResumedRunTrainsAndReportsWhatTheUninterruptedOneDoes(@TempDir Path cache) {
        ExperimentRun whole = start(cache);
        Map<String, Double> wholeMetrics = train(whole, 0, 4);

        ExperimentRun first = start(cache);
        train(first, 0, 2);
        Map<String, Tensor> parameters = copy(first.model().stateDict());
        Map<String, Tensor> training = copy(first.trainingState());

        ExperimentRun resumed = start(cache);
        resumed.model().loadStateDict(parameters);
        resumed.loadTrainingState(training);
        assertThat(train(resumed, 2, 4)).isEqualTo(wholeMetrics);
        whole.model().stateDict().forEach((name, value) -> assertThat(resumed.model().stateDict().get(name).toDoubleArray())
                .as(name).containsExactly(value.toDoubleArray()));
        assertThat(resumed.results().rows().get(0).subList(0, 7)).isEqualTo(whole.results().rows().get(0).subList(0, 7));

        ExperimentRun restarted = start(cache);
        restarted.model().loadStateDict(parameters);
        train(restarted, 2, 4);
        assertThat(restarted.model().stateDict().entrySet()).as("negative control: Adam restarted")
                .anyMatch(e -> !Arrays.equals(e.getValue().toDoubleArray(), whole.model().stateDict().get(e.getKey()).toDoubleArray()));
    }
}
