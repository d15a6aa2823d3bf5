package org.equivariant4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.equivariant4j.core.experiment.EpochTraining;
import org.equivariant4j.core.experiment.Experiment;
import org.equivariant4j.core.experiment.ExperimentConfig;
import org.equivariant4j.core.experiment.ExperimentRun;
import org.equivariant4j.core.experiment.ResultTable;
import org.equivariant4j.core.experiment.StandardOptions;
import org.equivariant4j.core.tensor.Tensors;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code eq4j bench}: the cost of an experiment's training step, measured by a short real run
 * (the experiment's own data, model and optimiser): set-up time, time per step after a warm-up
 * (mean, median, p90), one evaluation, and memory (Java heap after a collection, and the process's
 * resident and peak resident memory, which include the engine's native buffers). Writes nothing.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time an experiment's training steps and measure memory with a short run (writes nothing).",
        footerHeading = "%nExamples:%n",
        footer = {"  eq4j bench two-spirals",
                  "  eq4j bench c4-tetrominoes --steps 50 --warmup 10",
                  "  eq4j bench c4-tetrominoes --batch-size 128"})
final class BenchCommand implements Callable<Integer> {
    @ParentCommand
    private Eq4j parent;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EXPERIMENT", description = "Experiment id (see: eq4j list).")
    private String experimentId;

    @Mixin
    private ExperimentOptions experimentOptions;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "30", description = "Timed steps (default: ${DEFAULT-VALUE}).")
    private int steps;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "5",
            description = "Untimed steps first: JIT compilation, native initialisation (default: ${DEFAULT-VALUE}).")
    private int warmup;

    @Override
    public Integer call() {
        if (steps < 1 || warmup < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--steps must be >= 1 and --warmup >= 0, got "
                    + steps + " and " + warmup);
        }
        Experiment experiment = parent.runtime().experiments().experiment(experimentId).provider();
        ExperimentConfig config = ExperimentConfig.resolve(experiment, experimentOptions.overrides());
        PrintWriter out = spec.commandLine().getOut();

        long t0 = System.nanoTime();
        ExperimentRun run = experiment.start(config);
        double setupSeconds = (System.nanoTime() - t0) / 1e9;

        long[] stamps = new long[warmup + steps + 1];
        int[] count = {0};
        stamps[0] = System.nanoTime();
        int epoch = 0;
        int target = warmup + steps;
        // Epochs end before the count is reached on tiny data sets: keep going into the next epoch.
        while (count[0] < target) {
            EpochTraining t = run.trainEpoch(epoch++, step -> stamps[++count[0]] = System.nanoTime(), () -> count[0] >= target);
            if (t.steps() == 0) {
                throw new IllegalStateException("experiment '" + experimentId + "' ran no step in epoch " + (epoch - 1));
            }
        }
        double[] ms = new double[steps];
        for (int i = 0; i < steps; i++) {
            ms[i] = (stamps[warmup + i + 1] - stamps[warmup + i]) / 1e6;
        }
        long e0 = System.nanoTime();
        run.evaluate();
        double evalSeconds = (System.nanoTime() - e0) / 1e9;

        out.print(table(config, run, setupSeconds, ms, evalSeconds).toText());
        out.flush();
        return 0;
    }

    private ResultTable table(ExperimentConfig config, ExperimentRun run, double setupSeconds, double[] ms, double evalSeconds) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(ms).average().orElse(Double.NaN);
        List<List<String>> rows = new ArrayList<>();
        rows.add(row("set-up (data + model)", "%.2f s", setupSeconds));
        rows.add(row("step, mean", "%.2f ms", mean));
        rows.add(row("step, median", "%.2f ms", sorted[sorted.length / 2]));
        rows.add(row("step, p90", "%.2f ms", sorted[(int) Math.min(sorted.length - 1, Math.ceil(0.9 * sorted.length) - 1)]));
        rows.add(row("steps per second", "%.1f", 1000 / mean));
        if (config.has(StandardOptions.BATCH_SIZE)) {
            rows.add(row("examples per second", "%.0f", 1000 / mean * config.intValue(StandardOptions.BATCH_SIZE)));
        }
        rows.add(row("one evaluation", "%.2f s", evalSeconds));
        rows.add(List.of("parameters", String.format(Locale.ROOT, "%,d", run.model().parameterCount())));
        System.gc();
        Runtime rt = Runtime.getRuntime();
        rows.add(row("Java heap used after GC", "%.1f MB", (rt.totalMemory() - rt.freeMemory()) / 1e6));
        procStatus("VmRSS").ifPresent(kb -> rows.add(row("resident memory", "%.1f MB", kb / 1e3)));
        procStatus("VmHWM").ifPresent(kb -> rows.add(row("peak resident memory", "%.1f MB", kb / 1e3)));
        return new ResultTable("eq4j bench " + config.experimentId() + " (" + ms.length + " steps after " + warmup + " warm-up, "
                + Tensors.backend().describe() + ", " + Runtime.getRuntime().availableProcessors() + " cores)",
                List.of("measure", "value"), rows,
                List.of("a step trains every model of the experiment on one batch", "options " + config.asText()));
    }

    private static List<String> row(String name, String format, double value) {
        return List.of(name, String.format(Locale.ROOT, format, value));
    }

    /** A kB field of /proc/self/status (Linux); empty elsewhere. */
    private static java.util.OptionalLong procStatus(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field + ":")) {
                    return java.util.OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or no procfs: the heap figure still stands.
        }
        return java.util.OptionalLong.empty();
    }
}
