package org.equivariant4j.fields.latentforce.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.equivariant4j.core.error.InvalidOptionException;
import org.equivariant4j.core.experiment.ExperimentConfig;
import org.equivariant4j.core.experiment.ExperimentRun;
import org.equivariant4j.core.experiment.ResultTable;
import org.equivariant4j.core.experiment.StepListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both experiments run end to end at toy size from their options, report every model and write the field figure. */
class LatentForceExperimentTest {
    private static final Map<String, String> TOY = Map.of("train-size", "4", "test-size", "2", "hidden", "4", "layers", "1",
            "field-hidden", "4", "field-features", "4", "batch-size", "16", "grid", "5");

    @Test
    void electrostaticRunsAndReportsEveryModel(@TempDir Path dir) {
        LatentForceExperiment e = LatentForceExperiment.electrostatic();
        Map<String, String> options = new java.util.HashMap<>(TOY);
        options.put("figure", dir.resolve("field.png").toString());
        ExperimentRun run = e.start(ExperimentConfig.resolve(e, options));
        run.trainEpoch(0, StepListener.NONE, () -> false);
        ResultTable table = run.results();
        assertThat(table.rows()).hasSize(5);
        assertThat(table.rows().get(0).get(0)).contains("neural field + EGNN");
        assertThat(run.evaluate()).containsKeys("aether_rollout_mse", "egnn_rollout_mse", "gnn_rollout_mse", "field_rollout_mse",
                "aether_field_cosine", "constant_velocity_rollout_mse");
        assertThat(Files.exists(dir.resolve("field.png"))).isTrue();
    }

    @Test
    void theLocalFrameModelsRunOnTheElectrostaticSystem() {
        ExperimentRun run = oneEpoch(LatentForceExperiment.electrostatic(), "aether-locs,locs");
        assertThat(run.results().rows()).hasSize(3);
        assertThat(run.results().rows().get(0).get(0)).contains("local-frame");
        assertThat(run.evaluate()).containsKeys("aether-locs_rollout_mse", "aether-locs_field_cosine", "locs_rollout_mse");
    }

    @Test
    void gravitationalRunsInThreeDimensions() {
        ExperimentRun run = oneEpoch(LatentForceExperiment.gravitational(), "aether,egnn");
        assertThat(run.results().rows()).hasSize(3);
        assertThat(run.evaluate().get("aether_field_cosine")).isBetween(-1.0, 1.0);
    }

    @Test
    void unknownModelsLocalFramesIn3dAndTooLongRolloutsAreRefusedByOption() {
        LatentForceExperiment e = LatentForceExperiment.electrostatic();
        Map<String, String> unknown = new java.util.HashMap<>(TOY);
        unknown.put("models", "aether,schnet");
        assertThatThrownBy(() -> e.start(ExperimentConfig.resolve(e, unknown))).isInstanceOf(InvalidOptionException.class)
                .hasMessageContaining("schnet");
        Map<String, String> localFramesIn3d = new java.util.HashMap<>(TOY);
        localFramesIn3d.put("models", "aether-locs");
        LatentForceExperiment gravitational = LatentForceExperiment.gravitational();
        assertThatThrownBy(() -> gravitational.start(ExperimentConfig.resolve(gravitational, localFramesIn3d)))
                .isInstanceOf(InvalidOptionException.class).hasMessageContaining("2D only");
        Map<String, String> longRollout = new java.util.HashMap<>(TOY);
        longRollout.put("rollout-steps", "40");
        assertThatThrownBy(() -> e.start(ExperimentConfig.resolve(e, longRollout)))
                .isInstanceOf(InvalidOptionException.class).hasMessageContaining("rollout");
    }

    /** {@code e} at toy size with {@code models}, no figure, after one epoch. */
    private static ExperimentRun oneEpoch(LatentForceExperiment e, String models) {
        Map<String, String> options = new java.util.HashMap<>(TOY);
        options.put("figure", "");
        options.put("models", models);
        ExperimentRun run = e.start(ExperimentConfig.resolve(e, options));
        run.trainEpoch(0, StepListener.NONE, () -> false);
        return run;
    }
}
