package org.equivariant4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.equivariant4j.cli.experiments.C4TetrominoExperiment;
import org.equivariant4j.cli.experiments.TwoSpiralsExperiment;
import org.equivariant4j.cli.run.EpochRecord;
import org.equivariant4j.cli.run.MetricsHistory;
import org.equivariant4j.cli.run.OutputFolder;
import org.equivariant4j.cli.run.ProgressReporter;
import org.equivariant4j.cli.run.RunCheckpoint;
import org.equivariant4j.cli.run.StopSignal;
import org.equivariant4j.cli.run.TrainingLoop;
import org.equivariant4j.core.experiment.Experiment;
import org.equivariant4j.core.experiment.ExperimentConfig;
import org.equivariant4j.core.experiment.ExperimentRun;
import org.equivariant4j.core.experiment.StepProgress;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.nn.checkpoint.Safetensors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run stopped after k epochs (as Ctrl-C stops it) and resumed with {@code eq4j run --resume}
 * ends bit for bit where the uninterrupted run ends: every parameter and optimiser tensor of the
 * final checkpoint, and every metric of every epoch (the seconds column aside). Two experiments:
 * two-spirals (one MLP with Adam) and c4-tetrominoes at toy size (three models, each with its Adam,
 * one with random rotation augmentation). The negative control resumes the same checkpoint without
 * the optimiser state, as checkpoints were before, and must end elsewhere. (No built-in experiment
 * trains with SGD momentum; its state dict is proven exact in nn's OptimizerStateDictTest.)
 */
class ExactResumeTest {
    @TempDir
    Path tmp;

    @Test
    void twoSpiralsStoppedAndResumedEqualsTheUninterruptedRunBitForBit() throws IOException {
        assertExactResume(new TwoSpiralsExperiment(), List.of("-o", "train-size=64", "-o", "test-size=32", "-o", "hidden=8",
                "--batch-size", "16"), 4, 2);
    }

    @Test
    void c4TetrominoesStoppedAndResumedEqualsTheUninterruptedRunBitForBit() throws IOException {
        assertExactResume(new C4TetrominoExperiment(), List.of("-o", "train-size=56", "-o", "test-size=28", "-o", "fields=2",
                "-o", "depth=1", "-o", "hidden=8", "--batch-size", "14"), 3, 1);
    }

    private void assertExactResume(Experiment experiment, List<String> options, int epochs, int stopAfter) throws IOException {
        String id = experiment.id();
        Path whole = tmp.resolve(id + "-whole");
        Cli uninterrupted = cli(id, options, "--epochs", Integer.toString(epochs), "--out", whole.toString());
        assertThat(uninterrupted.exitCode()).as("%s", uninterrupted).isZero();

        // The same run, stopped by the stop signal at the end of epoch `stopAfter`, as Ctrl-C would stop it.
        ExperimentConfig config = ExperimentConfig.resolve(experiment, overrides(options, epochs));
        Path stopped = tmp.resolve(id + "-stopped");
        TrainingLoop.Outcome outcome = stoppedRun(experiment, config, stopped, stopAfter);
        assertThat(outcome.stopped()).isTrue();
        assertThat(outcome.epochsCompleted()).isEqualTo(stopAfter);

        Path resumed = tmp.resolve(id + "-resumed");
        Cli resume = cli(id, List.of(), "--resume", stopped.resolve(OutputFolder.CHECKPOINT).toString(), "--out",
                resumed.toString());
        assertThat(resume.exitCode()).as("%s", resume).isZero();

        Map<String, Tensor> expected = Safetensors.load(whole.resolve(OutputFolder.CHECKPOINT));
        Map<String, Tensor> actual = Safetensors.load(resumed.resolve(OutputFolder.CHECKPOINT));
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        assertThat(expected.keySet()).as("the optimiser state is in the checkpoint")
                .anyMatch(k -> k.startsWith(RunCheckpoint.TRAINING_PREFIX) && k.endsWith(".exp_avg_sq"));
        expected.forEach((name, tensor) -> assertThat(bits(actual.get(name))).as("%s after %d epochs, stopped after %d", name,
                epochs, stopAfter).isEqualTo(bits(tensor)));
        assertThat(withoutSeconds(resumed.resolve(OutputFolder.METRICS_CSV)))
                .as("every metric of every epoch").isEqualTo(withoutSeconds(whole.resolve(OutputFolder.METRICS_CSV)))
                .hasSize(epochs + 1);

        // Negative control: the same checkpoint resumed without its optimiser state ends elsewhere.
        ExperimentRun restarted = experiment.start(config);
        restarted.model().loadStateDict(RunCheckpoint.loadState(stopped.resolve(OutputFolder.CHECKPOINT)).model());
        Path control = tmp.resolve(id + "-control");
        new TrainingLoop(restarted, config, OutputFolder.claim(control, false, null), new MetricsHistory(), 0,
                silent(null, 0), StopSignal.manual()).run(stopAfter, epochs);
        Map<String, Tensor> drifted = Safetensors.load(control.resolve(OutputFolder.CHECKPOINT));
        assertThat(expected.keySet().stream().filter(k -> !k.startsWith(RunCheckpoint.TRAINING_PREFIX))
                .anyMatch(k -> !bits(drifted.get(k)).equals(bits(expected.get(k)))))
                .as("negative control: without the optimiser state some parameter differs").isTrue();
    }

    private static TrainingLoop.Outcome stoppedRun(Experiment experiment, ExperimentConfig config, Path dir, int stopAfter) {
        ExperimentRun run = experiment.start(config);
        StopSignal stop = StopSignal.manual();
        int epochs = config.intValue("epochs");
        return new TrainingLoop(run, config, OutputFolder.claim(dir, false, null), new MetricsHistory(), 0,
                silent(stop, stopAfter), stop).run(0, epochs);
    }

    /** A reporter that prints nothing and, given a signal, requests a stop when epoch {@code stopAfter} ends. */
    private static ProgressReporter silent(StopSignal stop, int stopAfter) {
        return new ProgressReporter() {
            @Override
            public void onStep(StepProgress step) {
            }

            @Override
            public void onEpoch(EpochRecord record, int epochs) {
                if (stop != null && record.epoch() == stopAfter) {
                    stop.request();
                }
            }

            @Override
            public void close() {
            }
        };
    }

    private static Map<String, String> overrides(List<String> options, int epochs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < options.size(); i += 2) {
            String flag = options.get(i);
            String value = options.get(i + 1);
            if (flag.equals("-o")) {
                out.put(value.substring(0, value.indexOf('=')), value.substring(value.indexOf('=') + 1));
            } else {
                out.put(flag.substring(2), value);
            }
        }
        out.put("epochs", Integer.toString(epochs));
        return out;
    }

    /** Every value's exact bits (floats widen to doubles exactly). */
    private static List<Long> bits(Tensor t) {
        List<Long> out = new ArrayList<>();
        if (t.dtype().isFloating()) {
            for (double v : t.toDoubleArray()) {
                out.add(Double.doubleToRawLongBits(v));
            }
        } else {
            for (long v : t.toLongArray()) {
                out.add(v);
            }
        }
        return out;
    }

    private static List<String> withoutSeconds(Path csv) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(csv)) {
            String[] cells = line.split(",", -1);
            cells[1] = "";
            out.add(String.join(",", cells));
        }
        return out;
    }

    private static Cli cli(String id, List<String> options, String... more) {
        List<String> args = new ArrayList<>(List.of("run", id, "--progress", "none"));
        args.addAll(options);
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }
}
