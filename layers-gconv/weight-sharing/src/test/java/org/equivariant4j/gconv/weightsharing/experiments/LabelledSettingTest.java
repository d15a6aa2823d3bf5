package org.equivariant4j.gconv.weightsharing.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.equivariant4j.core.experiment.ExperimentConfig;
import org.equivariant4j.core.experiment.StepListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The labelled setting: {@code ws-labels}' defaults are the paper's, its tied comparison network stays exactly C4, and
 * the README's finding about labels at this budget holds at toy size (lifting + one group layer, 4 fields, 5x5 kernels,
 * so 25 x 25 matrices, 11 x 11 glyphs, 48 steps of 64): the network learns to classify while, at the paper's
 * temperature and learning rate, its matrices stay near the uniform matrix (√24 = 4.90 from every permutation; a
 * matrix that had become a rotation would be at 0), and at temperature 0.1 they harden into permutations that are not
 * the rotations.
 */
class LabelledSettingTest {
    private static final double UNIFORM = Math.sqrt(24);

    private static Map<String, Double> trainLabels(Path dir, Map<String, String> extra) {
        return trainLabels(dir, extra, 6);
    }

    private static Map<String, Double> trainLabels(Path dir, Map<String, String> extra, int epochs) {
        SymmetryDiscoveryExperiment e = SymmetryDiscoveryExperiment.discoverC4();
        Map<String, String> o = new HashMap<>(Map.of("task", "labels", "layers", "2", "kernel", "5", "channels", "4",
                "size", "11", "train-size", "512", "test-size", "256", "batch-size", "64", "lr", "0.01", "lr-scores", "0.01"));
        o.put("figure", dir.resolve("m.png").toString());
        o.putAll(extra);
        DiscoveryRun run = (DiscoveryRun) e.start(ExperimentConfig.resolve(e, o));
        for (int epoch = 0; epoch < epochs; epoch++) {
            run.trainEpoch(epoch, StepListener.NONE, () -> false);
        }
        return run.evaluate();
    }

    private static double meanToPermutation(Map<String, Double> m) {
        return (m.get("perm_dist_1") + m.get("perm_dist_2") + m.get("perm_dist_3")) / 3;
    }

    /** Measured 2026-12-06: accuracy 39.5 % (chance 12.5 %), mean distance to the nearest permutation 4.78. */
    @Test
    void atThePapersTemperatureTheMatricesStayNearUniformWhileTheNetworkLearns(@TempDir Path dir) {
        Map<String, Double> m = trainLabels(dir, Map.of());
        assertThat(m.get("test_acc")).as("test accuracy, chance 0.125; %s", m).isGreaterThan(0.25);
        // Within 0.3 of the uniform matrix's distance: the matrices barely moved (a rotation would be at 0).
        assertThat(meanToPermutation(m)).as("mean distance to the nearest permutation; %s", m).isGreaterThan(UNIFORM - 0.3);
    }

    /**
     * Measured 2026-12-06: mean distance to the nearest permutation 2.98, largest one-to-one distance to C4 5.91 (the
     * uniform start: 4.91). The previous test is this one's negative control: at temperature 1 the same 48 steps leave
     * the matrices at 4.78, which fails the first bound here.
     */
    @Test
    void atTemperatureOneTenthTheyHardenIntoPermutationsThatAreNotRotations(@TempDir Path dir) {
        Map<String, Double> m = trainLabels(dir, Map.of("temperature", "0.1"));
        assertThat(meanToPermutation(m)).as("mean distance to the nearest permutation; %s", m).isLessThan(UNIFORM - 1.0);
        assertThat(m.get("c4_matched_max")).as("largest one-to-one distance to C4 (farther than the uniform matrix);"
                + " %s", m).isGreaterThan(UNIFORM);
    }

    /**
     * README, {@code ws-labels} row E at toy size: with 128 training images (32 steps of 64) the same network tied to C4
     * generalises across the poses, learned sharing (matrices still near uniform) does not yet. Measured 2026-12-06:
     * tied 92.2 %, learned 35.9 %. A learner that had found C4 would be within a few points of the tied network; the bound
     * (25 points) sits well between that and what a CNN that must see every pose reaches.
     */
    @Test
    void withScarceDataTheTiedNetworkIsFarAhead(@TempDir Path dir) {
        Map<String, String> scarce = Map.of("train-size", "128");
        Map<String, Double> learned = trainLabels(dir, scarce, 16);
        Map<String, String> tied = new HashMap<>(scarce);
        tied.put("sharing", "c4");
        Map<String, Double> gcnn = trainLabels(dir, tied, 16);
        assertThat(gcnn.get("test_acc")).as("C4-tied network; %s", gcnn).isGreaterThan(0.8);
        assertThat(gcnn.get("test_acc") - learned.get("test_acc")).as("tied minus learned accuracy; learned %s",
                learned).isGreaterThan(0.25);
        assertThat(meanToPermutation(learned)).as("learned matrices still near uniform").isGreaterThan(UNIFORM - 0.3);
    }

    @Test
    void defaultsAreThePapersSetting() {
        SymmetryDiscoveryExperiment e = SymmetryDiscoveryExperiment.labels();
        ExperimentConfig c = ExperimentConfig.resolve(e, Map.of());
        assertThat(c.stringValue("task")).isEqualTo("labels");
        assertThat(c.intValue("layers")).isEqualTo(4);
        assertThat(c.intValue("kernel")).isEqualTo(5);
        assertThat(c.intValue("channels")).isEqualTo(32);
        assertThat(c.intValue("batch-size")).isEqualTo(64);
        assertThat(c.doubleValue("lr")).isEqualTo(0.01);
        assertThat(c.doubleValue("lr-scores")).isEqualTo(0.01);
        assertThat(c.doubleValue("norm-penalty")).isEqualTo(0.1);
        assertThat(c.booleanValue("layer-norm")).isTrue();
        assertThat(c.stringValue("spatial-pool")).isEqualTo("mean");
        assertThat(c.stringValue("group-pool")).isEqualTo("mean");
        assertThat(c.stringValue("poses")).isEqualTo("C4");
    }

    @Test
    void theTiedNetworkIsAC4GCnnThroughoutTraining(@TempDir Path dir) {
        SymmetryDiscoveryExperiment e = SymmetryDiscoveryExperiment.labels();
        Map<String, String> o = new HashMap<>(Map.of("channels", "2", "layers", "2", "kernel", "3", "size", "11",
                "train-size", "128", "test-size", "64", "batch-size", "32", "sharing", "c4"));
        o.put("figure", dir.resolve("m.png").toString());
        DiscoveryRun run = (DiscoveryRun) e.start(ExperimentConfig.resolve(e, o));
        run.trainEpoch(0, StepListener.NONE, () -> false);
        Map<String, Double> m = run.evaluate();
        assertThat(m.get("c4_matched_max")).isEqualTo(0.0);
        for (var layer : run.network().weightSharingLayers()) {
            assertThat(layer.distanceToGroup()).as("%s", layer).isEqualTo(0.0);
        }
    }
}
