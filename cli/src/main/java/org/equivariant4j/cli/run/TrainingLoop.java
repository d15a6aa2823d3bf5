package org.equivariant4j.cli.run;

import org.equivariant4j.nn.io.AtomicFiles;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.equivariant4j.core.experiment.EpochTraining;
import org.equivariant4j.core.experiment.ExperimentConfig;
import org.equivariant4j.core.experiment.ExperimentRun;
import org.equivariant4j.core.experiment.ResultTable;

/**
 * Drives an {@link ExperimentRun} epoch by epoch and keeps its output folder current: after every
 * epoch it evaluates, appends the epoch's row to {@code metrics.csv} and then saves the checkpoint
 * (atomically), work that does not grow with the number of epochs; at the end (or on a stop) it
 * writes {@code metrics.json}, draws the learning curves and, when finished, writes the result table.
 * A stop request is honoured after the current step; the epoch in progress is then dropped, so the
 * last checkpoint and the metrics describe the same, completed epoch.
 */
public final class TrainingLoop {
    private final ExperimentRun run;
    private final ExperimentConfig config;
    private final OutputFolder out;
    private final MetricsHistory history;
    private final double secondsBefore;
    private final ProgressReporter progress;
    private final BooleanSupplier stop;

    /**
     * @param history       the metrics of epochs already completed (empty for a fresh run; a resumed
     *                      run's earlier rows of {@code metrics.csv}, possibly empty when they were not found)
     * @param secondsBefore wall-clock seconds trained before this run started (a resumed checkpoint's)
     */
    public TrainingLoop(ExperimentRun run, ExperimentConfig config, OutputFolder out, MetricsHistory history,
            double secondsBefore, ProgressReporter progress, BooleanSupplier stop) {
        this.run = run;
        this.config = config;
        this.out = out;
        this.history = history;
        this.secondsBefore = secondsBefore;
        this.progress = progress;
        this.stop = stop;
    }

    /** What the loop did. {@code results} is null when it was stopped before the last epoch. */
    public record Outcome(int epochsCompleted, int epochs, boolean stopped, ResultTable results) {
    }

    /** Trains from epoch {@code startEpoch} (0-based) up to {@code epochs}. */
    public Outcome run(int startEpoch, int epochs) {
        MetricsCsv csv = MetricsCsv.start(out.resolve(OutputFolder.METRICS_CSV), history);
        Path checkpoint = out.resolve(OutputFolder.CHECKPOINT);
        long start = System.nanoTime();
        int completed = startEpoch;
        boolean stopped = false;
        for (int epoch = startEpoch; epoch < epochs && !stopped; epoch++) {
            EpochTraining training = run.trainEpoch(epoch, progress, stop);
            if (!training.complete()) {
                stopped = true;
                break;
            }
            Map<String, Double> metrics = new LinkedHashMap<>(training.metrics());
            metrics.putAll(run.evaluate());
            double seconds = secondsBefore + (System.nanoTime() - start) / 1e9;
            EpochRecord record = new EpochRecord(epoch + 1, seconds, metrics);
            history.add(record);
            completed = epoch + 1;
            // The row first: a kill between the two leaves a row the resume drops, never a checkpoint without its row.
            csv.append(record, history);
            new RunCheckpoint(config.experimentId(), completed, seconds, config.asText()).save(run, checkpoint);
            progress.onEpoch(record, epochs);
            // A request that arrived during evaluation: this epoch is saved, stop before the next.
            stopped = stop.getAsBoolean();
        }
        progress.close();
        ResultTable results = stopped ? null : run.results();
        AtomicFiles.write(out.resolve(OutputFolder.METRICS_JSON), history.toJson(config.experimentId(), results));
        if (results != null) {
            AtomicFiles.write(out.resolve(OutputFolder.RESULTS), "# " + config.experimentId() + "\n\n" + results.title()
                    + "\n\n" + results.toMarkdown());
        }
        if (!history.isEmpty()) {
            LearningCurvePlot.write(history, config.experimentId() + " (" + history.epochs().size() + " epochs)",
                    out.resolve(OutputFolder.PLOT));
        }
        return new Outcome(completed, epochs, stopped, results);
    }
}
