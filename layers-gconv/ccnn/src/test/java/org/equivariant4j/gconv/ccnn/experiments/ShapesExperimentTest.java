package org.equivariant4j.gconv.ccnn.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.equivariant4j.core.experiment.ExperimentConfig;
import org.equivariant4j.core.experiment.ExperimentRun;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A smoke test, not a guard of an accuracy: the CCNN class of the sequence experiment, with
 * {@code dims} 2 and 3, trains one epoch on pentomino images and tetracube volumes and reports an
 * accuracy and a result row per model. (At toy budgets the 2D/3D CCNN stays close to chance, see
 * the README, so no accuracy bound is asserted yet.)
 */
class ShapesExperimentTest {

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
