package org.equivariant4j.gconv.se3;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.equivariant4j.core.experiment.EpochTraining;
import org.equivariant4j.core.experiment.ExperimentConfig;
import org.equivariant4j.core.experiment.ExperimentRun;
import org.equivariant4j.core.experiment.ResultTable;
import java.nio.file.Path;

import org.equivariant4j.nn.io.NpyArray;
import org.equivariant4j.nn.io.Npz;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void trainsOnAMedMnistFileGivenWithData(@TempDir Path dir) {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        for (String split : List.of("train", "val", "test")) {
            int n = 8;
            int[] voxels = new int[n * 8 * 8 * 8];
            int[] labels = new int[n];
            for (int i = 0; i < voxels.length; i++) {
                voxels[i] = (i * 37 + split.length()) % 256;
            }
            for (int i = 0; i < n; i++) {
                labels[i] = i % 3;
            }
            arrays.put(split + "_images", NpyArray.ofUnsignedBytes(voxels, n, 8, 8, 8));
            arrays.put(split + "_labels", NpyArray.ofUnsignedBytes(labels, n, 1));
        }
        Path file = dir.resolve("tiny3d.npz");
        Npz.write(file, arrays, true);
        PolycubesExperiment experiment = new PolycubesExperiment();
        ExperimentRun run = experiment.start(ExperimentConfig.resolve(experiment, Map.of("data", file.toString(), "width", "1",
                "kernel", "3", "grids", "O", "batch-size", "4")));

        run.trainEpoch(0, step -> { }, () -> false);

        assertThat(run.data().splits()).containsEntry("train", 8).containsEntry("test", 8).containsEntry("cube", 8);
        assertThat(run.evaluate()).containsKeys("test_acc.cnn", "cube_acc.se3-O");
        assertThat(run.results().columns()).contains("test acc", "cube acc");
    }
}
