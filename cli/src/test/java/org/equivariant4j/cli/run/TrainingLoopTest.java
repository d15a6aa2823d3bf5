package org.equivariant4j.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.equivariant4j.cli.experiments.TwoSpiralsExperiment;
import org.equivariant4j.core.experiment.ExperimentConfig;
import org.equivariant4j.core.experiment.ExperimentRun;
import org.equivariant4j.core.experiment.StepProgress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stop request (what Ctrl-C sets) ends the run after the current step and keeps the last epoch's checkpoint. */
class TrainingLoopTest {

    @Test
    void aStopMidEpochKeepsTheLastCompletedEpochsCheckpointAndMetrics(@TempDir Path tmp) throws IOException {
        ExperimentConfig config = tinySpirals(5, 64, 8);
        ExperimentRun run = new TwoSpiralsExperiment().start(config);
        OutputFolder out = OutputFolder.claim(tmp.resolve("run"), false, null);
        StopSignal stop = StopSignal.manual();
        int[] steps = {0};
        ProgressReporter stopInSecondEpoch = new ProgressReporter() {
            @Override
            public void onStep(StepProgress step) {
                steps[0]++;
                if (step.epoch() == 1 && step.step() == 2) {
                    stop.request();
                }
            }

            @Override
            public void onEpoch(EpochRecord record, int epochs) {
            }

            @Override
            public void close() {
            }
        };

        TrainingLoop.Outcome outcome = new TrainingLoop(run, config, out, new MetricsHistory(), 0, stopInSecondEpoch, stop)
                .run(0, 5);

        assertThat(outcome.stopped()).isTrue();
        assertThat(outcome.epochsCompleted()).isEqualTo(1);
        assertThat(outcome.results()).isNull();
        assertThat(steps[0]).as("steps run: the 4 of epoch 1, then 2 of epoch 2 (stopped after the current step)").isEqualTo(6);
        assertThat(RunCheckpoint.read(out.resolve(OutputFolder.CHECKPOINT)).epochsCompleted()).isEqualTo(1);
        assertThat(Files.readAllLines(out.resolve(OutputFolder.METRICS_CSV))).hasSize(2);
        assertThat(out.resolve(OutputFolder.PLOT)).exists();
        assertThat(out.resolve(OutputFolder.RESULTS)).doesNotExist();
        try (var files = Files.list(out.dir())) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temporary file left behind")
                    .noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void eachEpochAppendsOneRowAndRewritesACheckpointOfTheSameSize(@TempDir Path tmp) throws IOException {
        ExperimentConfig config = tinySpirals(6, 32, 4);
        ExperimentRun run = new TwoSpiralsExperiment().start(config);
        OutputFolder out = OutputFolder.claim(tmp.resolve("run"), false, null);
        Path csv = out.resolve(OutputFolder.METRICS_CSV);
        Path checkpoint = out.resolve(OutputFolder.CHECKPOINT);
        java.util.List<Object> csvFiles = new java.util.ArrayList<>();
        java.util.List<Long> checkpointSizes = new java.util.ArrayList<>();
        ProgressReporter watch = new ProgressReporter() {
            @Override
            public void onStep(StepProgress step) {
            }

            @Override
            public void onEpoch(EpochRecord record, int epochs) {
                try {
                    csvFiles.add(Files.readAttributes(csv, java.nio.file.attribute.BasicFileAttributes.class).fileKey());
                    checkpointSizes.add(Files.size(checkpoint));
                    assertThat(Files.readAllLines(csv)).as("after epoch %d", record.epoch()).hasSize(record.epoch() + 1);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }

            @Override
            public void close() {
            }
        };
        new TrainingLoop(run, config, out, new MetricsHistory(), 0, watch, StopSignal.manual()).run(0, 6);

        assertThat(csvFiles).hasSize(6);
        org.junit.jupiter.api.Assumptions.assumeTrue(csvFiles.get(0) != null, "the file system reports file keys");
        assertThat(csvFiles.subList(1, 6)).as("the file of epoch 1, appended to (not rewritten) since").containsOnly(
                csvFiles.get(0));
        // The header is padded to 8 bytes; only the digits of epochs_completed and seconds may move it by
        // one pad unit, where a history in the metadata would add about 100 bytes each epoch.
        assertThat(checkpointSizes).as("checkpoint bytes each epoch").allSatisfy(size -> assertThat(size)
                .isBetween(checkpointSizes.get(0) - 8, checkpointSizes.get(0) + 8));
    }

    /** Two spirals with {@code train} training points (half as many test points), batches of 16. */
    private static ExperimentConfig tinySpirals(int epochs, int train, int hidden) {
        return ExperimentConfig.resolve(new TwoSpiralsExperiment(), Map.of("epochs", Integer.toString(epochs), "train-size",
                Integer.toString(train), "test-size", Integer.toString(train / 2), "hidden", Integer.toString(hidden),
                "batch-size", "16"));
    }
}
