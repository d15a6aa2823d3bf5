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

/** The experiment at toy size: every model trains (its loss falls), the plain CNN beats 1.5 x chance; no timing. */
class PolycubesExperimentTest {

    @Test
    void everyModelLearnsAtToySize() {
        Map<String, String> options = toyOptions(96, 48);
        options.put("width", "2");
        options.put("grids", "O,uniform4");
        options.put("regular", "false"); // trained in its own test below, to keep this one short
        Trained t = train(options, 6);
        Map<String, Double> first = t.first();
        Map<String, Double> last = t.last();
        Map<String, Double> metrics = t.run().evaluate();
        for (String model : List.of("cnn", "cnn-aug", "se3-O", "se3-SO3grid4")) {
            assertThat(last.get("train_loss." + model)).as(model + " training loss").isLessThan(first.get("train_loss." + model));
        }
        // Accuracy at toy size is checked for the plain CNN only: on this branch the augmented CNN (15 %) and the O models
        // (12.5 %: one class predicted) ended near chance after 6 epochs of 96 volumes, though se3-O passed 1.5 x chance
        // in one run whose option map also held epochs=6 (unexplained); their falling loss is checked above.
        assertThat(metrics.get("canonical_acc.cnn")).as("cnn canonical accuracy").isGreaterThan(1.5 / 8);
        assertThat(metrics).containsKeys("cube_acc.se3-O", "arbitrary_acc.se3-SO3grid4");
        ResultTable table = t.run().results();
        assertThat(table.rows()).hasSize(4);
        assertThat(table.columns()).contains("canonical acc", "cube acc", "arbitrary acc");
    }

    @Test
    void theRegularOctahedralGcnnTrainsAtToySize() {
        Map<String, String> options = toyOptions(64, 32);
        options.put("baselines", "false");
        options.put("grids", "");
        Trained t = train(options, 3);
        Map<String, Double> metrics = t.run().evaluate();
        // The only model, so its metrics carry no model suffix.
        assertThat(t.last().get("train_loss")).as("training loss").isLessThan(t.first().get("train_loss"));
        // No accuracy bound at toy size (see above); the CLI run in the README measures it.
        assertThat(metrics).containsKeys("canonical_acc", "cube_acc", "arbitrary_acc");
        assertThat(t.run().results().rows()).singleElement().satisfies(row -> assertThat(row.get(0)).contains("regular"));
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
                "kernel", "3", "grids", "O", "batch-size", "4", "regular", "false")));

        run.trainEpoch(0, step -> { }, () -> false);

        assertThat(run.data().splits()).containsEntry("train", 8).containsEntry("test", 8).containsEntry("cube", 8);
        assertThat(run.evaluate()).containsKeys("test_acc.cnn", "cube_acc.se3-O");
        assertThat(run.results().columns()).contains("test acc", "cube acc");
    }

    /** 12³ polycubes of 2-voxel cubes, batches of 8, k = 3, Adam 0.02, mean pooling. */
    private static Map<String, String> toyOptions(int trainSize, int testSize) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("size", "12");
        options.put("scale", "2");
        options.put("train-size", String.valueOf(trainSize));
        options.put("test-size", String.valueOf(testSize));
        options.put("batch-size", "8");
        options.put("kernel", "3");
        options.put("pooling", "mean");
        options.put("lr", "0.02");
        return options;
    }

    /** A started run, and the training metrics of its first and last epoch. */
    private record Trained(ExperimentRun run, Map<String, Double> first, Map<String, Double> last) {
    }

    private static Trained train(Map<String, String> options, int epochs) {
        PolycubesExperiment experiment = new PolycubesExperiment();
        ExperimentRun run = experiment.start(ExperimentConfig.resolve(experiment, options));
        Map<String, Double> first = null;
        Map<String, Double> last = null;
        for (int epoch = 0; epoch < epochs; epoch++) {
            EpochTraining t = run.trainEpoch(epoch, step -> { }, () -> false);
            if (first == null) {
                first = t.metrics();
            }
            last = t.metrics();
        }
        return new Trained(run, first, last);
    }
}
