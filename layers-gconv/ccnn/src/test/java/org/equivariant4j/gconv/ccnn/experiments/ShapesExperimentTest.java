package org.equivariant4j.gconv.ccnn.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.equivariant4j.core.experiment.ExperimentConfig;
import org.equivariant4j.core.experiment.ExperimentRun;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The CCNN class of the sequence experiment with {@code dims} 2 learns the 12 pentominoes at toy
 * size: all pentominoes have five cells, so a model whose spatial convolution is broken
 * (pointwise features, mean pooled) sees the same pixel mass for every class and sits at chance,
 * 8.3 %; the bound 25 % is three times chance and more than six standard deviations (2.5 % on 120
 * test images) above it. And a smoke test: with {@code dims} 2 and 3 the class trains on images
 * and volumes and reports a row per model.
 */
class ShapesExperimentTest {

    @org.junit.jupiter.api.Test
    void theCcnnLearnsPentominoesIn2d() {
        Map<String, String> options = new LinkedHashMap<>(Map.of("dims", "2", "size", "16", "train-size", "240", "test-size",
                "120", "hidden", "8", "blocks", "2", "batch-size", "16", "plain", "false"));
        ShapesExperiment e = new ShapesExperiment();
        ExperimentRun run = e.start(ExperimentConfig.resolve(e, options));
        for (int epoch = 0; epoch < 5; epoch++) {
            run.trainEpoch(epoch, step -> { }, () -> false);
        }
        assertThat(run.evaluate().get("test_acc")).as("CCNN on pentominoes").isGreaterThan(0.25);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2", "3"})
    void theSameModelClassTrainsOnImagesAndVolumes(String dims) {
        Map<String, String> options = new LinkedHashMap<>(Map.of("dims", dims, "size", "8", "train-size", "16", "test-size",
                "8", "hidden", "4", "blocks", "1", "batch-size", "8"));
        ShapesExperiment e = new ShapesExperiment();
        ExperimentRun run = e.start(ExperimentConfig.resolve(e, options));
        run.trainEpoch(0, step -> { }, () -> false);
        Map<String, Double> acc = run.evaluate();
        assertThat(acc).containsKeys("test_acc.ccnn", "test_acc.plain");
        assertThat(acc.values()).allSatisfy(a -> assertThat(a).isBetween(0.0, 1.0));
        assertThat(run.results().rows()).hasSize(2);
    }
}
