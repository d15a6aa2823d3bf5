package org.equivariant4j.gconv.weightsharing.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.equivariant4j.core.experiment.ExperimentConfig;
import org.equivariant4j.core.experiment.ResultTable;
import org.equivariant4j.core.experiment.StepListener;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.nn.data.TensorDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The discovery experiment at CI size (task=maps, whose trend starts earliest): 96 steps must move the matrices toward C4. */
class SymmetryDiscoveryTest {

    private static double meanC4Distance(Map<String, Double> metrics) {
        return (metrics.get("c4_dist_1") + metrics.get("c4_dist_2") + metrics.get("c4_dist_3")) / 3;
    }

    @Test
    void distanceToC4FallsDuringTraining(@TempDir Path dir) {
        SymmetryDiscoveryExperiment e = SymmetryDiscoveryExperiment.discoverC4();
        Path figure = dir.resolve("m.png");
        ExperimentConfig c = ExperimentConfig.resolve(e, Map.of("task", "maps", "train-size", "384", "test-size", "64", "epochs", "8",
                "figure", figure.toString()));
        DiscoveryRun run = (DiscoveryRun) e.start(c);
        Map<String, Double> before = run.evaluate();
        for (int epoch = 0; epoch < 8; epoch++) {
            run.trainEpoch(epoch, StepListener.NONE, () -> false);
        }
        Map<String, Double> after = run.evaluate();
        assertThat(after.get("test_mse")).as("test MSE").isLessThan(0.8 * before.get("test_mse"));
        assertThat(meanC4Distance(after)).as("mean distance of the learned matrices to their nearest C4 element, before %s",
                meanC4Distance(before)).isLessThan(meanC4Distance(before) - 0.02);
        ResultTable table = run.results();
        assertThat(table.rows()).hasSize(4);
        assertThat(Files.exists(figure)).isTrue();
    }

    @Test
    void posesAreExactRotationsAndGlyphsHaveNoSymmetry() {
        GlyphImages glyphs = GlyphImages.random(8, 6, 3);
        TensorDataset upright = glyphs.generate(8, 9, 0.0, new Rng(1));
        TensorDataset rotated = RandomPoses.apply(upright, PoseSymmetry.C4, new Rng(2));
        float[] u = upright.features().toFloatArray();
        float[] r = rotated.features().toFloatArray();
        int hits = 0;
        for (int i = 0; i < 8; i++) {
            // Each image keeps its pixel count, and is one of the four rotations of the upright one.
            double su = 0;
            double sr = 0;
            for (int p = 0; p < 81; p++) {
                su += u[i * 81 + p];
                sr += r[i * 81 + p];
            }
            assertThat(sr).isEqualTo(su);
            boolean same = true;
            for (int p = 0; p < 81; p++) {
                same &= u[i * 81 + p] == r[i * 81 + p];
            }
            hits += same ? 1 : 0;
        }
        assertThat(hits).as("upright examples among 8 randomly rotated ones").isLessThan(8);
    }

    @Test
    void mapsTaskRefusesPartialPoses() {
        SymmetryDiscoveryExperiment e = SymmetryDiscoveryExperiment.discoverC4();
        ExperimentConfig c = ExperimentConfig.resolve(e, Map.of("task", "maps", "poses", "C2"));
        assertThatThrownBy(() -> e.start(c)).hasMessageContaining("task").hasMessageContaining("C2");
    }
}
