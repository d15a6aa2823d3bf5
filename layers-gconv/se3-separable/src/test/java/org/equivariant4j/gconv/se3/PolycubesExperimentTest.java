package org.equivariant4j.gconv.se3;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.equivariant4j.core.experiment.EpochTraining;
import org.equivariant4j.core.experiment.ExperimentConfig;
import org.equivariant4j.core.experiment.ExperimentRun;
import org.equivariant4j.core.experiment.ResultTable;
import org.junit.jupiter.api.Test;

/** The experiment at toy size: every model learns (loss falls, accuracy above chance); no timing. */
class PolycubesExperimentTest {

    @Test
    void everyModelLearnsAtToySize() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("size", "12");
        options.put("scale", "2");
        options.put("train-size", "96");
        options.put("test-size", "48");
        options.put("epochs", "6");
        options.put("batch-size", "8");
        options.put("width", "2");
        options.put("kernel", "3");
        options.put("grids", "O,uniform4");
        options.put("pooling", "mean");
        options.put("lr", "0.02");
        PolycubesExperiment experiment = new PolycubesExperiment();
        ExperimentRun run = experiment.start(ExperimentConfig.resolve(experiment, options));

        Map<String, Double> first = null;
        Map<String, Double> last = null;
        for (int epoch = 0; epoch < 6; epoch++) {
            EpochTraining t = run.trainEpoch(epoch, step -> { }, () -> false);
            if (first == null) {
                first = t.metrics();
            }
            last = t.metrics();
        }
        Map<String, Double> metrics = run.evaluate();
        for (String model : List.of("cnn", "cnn-aug", "se3-O", "se3-SO3grid4")) {
            assertThat(last.get("train_loss." + model)).as(model + " training loss").isLessThan(first.get("train_loss." + model));
            assertThat(metrics.get("canonical_acc." + model)).as(model + " canonical accuracy").isGreaterThan(1.5 / 8);
        }
        ResultTable table = run.results();
        assertThat(table.rows()).hasSize(4);
        assertThat(table.columns()).contains("canonical acc", "cube acc", "arbitrary acc");
    }
}
