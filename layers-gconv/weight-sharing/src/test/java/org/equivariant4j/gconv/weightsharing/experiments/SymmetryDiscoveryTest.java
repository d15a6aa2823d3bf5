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
import org.equivariant4j.gconv.weightsharing.KernelPermutations;
import org.equivariant4j.gconv.weightsharing.analysis.MatrixDistances;
import org.equivariant4j.gconv.weightsharing.analysis.SymmetryAnalysis;
import org.equivariant4j.nn.data.TensorDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The discovery experiments at CI size, asserting the README's orderings with margins a broken learner fails.
 *
 * <p>Why the bounds: two distinct permutation matrices are at least 2 apart (Frobenius; they differ in at least two
 * rows), and the uniform start is √(m-1) = 2.83 from every permutation of the 3x3 grid (m = 9). A learned matrix
 * within 1.0 of an element is therefore nearer to it than to any other permutation, and one that learned nothing (or
 * another permutation) is at 2 or more.
 */
class SymmetryDiscoveryTest {
    /** Halfway between a permutation (0) and the nearest other permutation (2). */
    private static final double NEAR = 1.0;
    private static final int PARTIAL_EPOCHS = 26;
    private static final int PARTIAL_HALF_TURNS = 1;

    private static DiscoveryRun train(SymmetryDiscoveryExperiment e, Path dir, int epochs, Map<String, String> extra) {
        Map<String, String> options = new java.util.HashMap<>(Map.of("size", "11", "channels", "4", "train-size", "512",
                "test-size", "128", "epochs", String.valueOf(epochs), "figure", dir.resolve("m.png").toString()));
        options.putAll(extra);
        DiscoveryRun run = (DiscoveryRun) e.start(ExperimentConfig.resolve(e, options));
        for (int epoch = 0; epoch < epochs; epoch++) {
            run.trainEpoch(epoch, StepListener.NONE, () -> false);
        }
        return run;
    }

    /**
     * README, {@code ws-discover-c4} (its {@code task=maps} variant, whose signal is the most direct, at toy size: 11 x
     * 11 images, 4 fields, 416 steps): the three learned matrices end within 1.0 of three distinct rotations of C4
     * (one-to-one matching), from 2.83 at the start. Measured on this machine: 0.68 (2026-12-06).
     */
    @Test
    void learnedMatricesEndNearTheFourRotations(@TempDir Path dir) {
        SymmetryDiscoveryExperiment e = SymmetryDiscoveryExperiment.discoverC4();
        DiscoveryRun untrained = (DiscoveryRun) e.start(ExperimentConfig.resolve(e, Map.of("task", "maps", "size", "11",
                "channels", "4", "train-size", "8", "test-size", "8")));
        assertThat(untrained.evaluate().get("c4_matched_max")).as("the uniform start").isGreaterThan(2.5);

        DiscoveryRun run = train(e, dir, 26, Map.of("task", "maps"));
        Map<String, Double> after = run.evaluate();
        assertThat(after.get("test_mse")).as("test MSE (targets scaled to unit mean square)").isLessThan(0.05);
        assertThat(after.get("c4_matched_max")).as("largest distance of a learned matrix to its one-to-one matched C4"
                + " element; metrics %s", after).isLessThan(NEAR);
        ResultTable table = run.results();
        assertThat(table.rows()).hasSize(4);
        assertThat(Files.exists(dir.resolve("m.png"))).isTrue();
    }

    /**
     * README, {@code ws-partial-symmetry} at toy size (11 x 11, 4 fields, 416 steps): with only 0 and 180 degrees in the
     * data, a learned matrix ends within 1.0 of the half turn (measured 0.42, 2026-12-06), none within 2.0 of a quarter
     * turn (measured > 2.9), so no one-to-one matching with C4 exists. At this budget the other two are still on their
     * way (2.1-2.4; the README's full run has two of three within 0.19).
     */
    @Test
    void partialSymmetryFindsOnlyTheHalfTurn(@TempDir Path dir) {
        DiscoveryRun run = train(SymmetryDiscoveryExperiment.partialSymmetry(), dir, PARTIAL_EPOCHS, Map.of());
        double[][][] learned = run.network().lifting().learnedMatrices();
        SymmetryAnalysis.Candidate c4 = SymmetryAnalysis.against(DiscoveryRun.C4, KernelPermutations.spatial(DiscoveryRun.C4, 3),
                learned);
        double[][][] rotations = KernelPermutations.spatial(DiscoveryRun.C4, 3);
        int halfTurns = 0;
        for (int g = 1; g < 4; g++) {
            SymmetryAnalysis.Nearest n = c4.nearest().get(g);
            double quarter = Math.min(MatrixDistances.frobenius(learned[g], rotations[1]),
                    MatrixDistances.frobenius(learned[g], rotations[3]));
            assertThat(quarter).as("matrix %d: distance to the nearest quarter turn; analysis %s", g, c4).isGreaterThan(2.0);
            if (n.element().equals(DiscoveryRun.C4.elements().get(2).toString()) && n.distance() < NEAR) {
                halfTurns++;
            }
        }
        assertThat(halfTurns).as("learned matrices within %s of the half turn; analysis %s", NEAR, c4).isGreaterThanOrEqualTo(PARTIAL_HALF_TURNS);
        // No one-to-one matching with C4 exists: three distinct rotations are not in the data.
        assertThat(c4.maxMatched()).isGreaterThan(2.0);
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
