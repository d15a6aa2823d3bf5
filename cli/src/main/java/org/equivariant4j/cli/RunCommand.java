package org.equivariant4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.concurrent.Callable;

import org.equivariant4j.cli.run.ConfigFile;
import org.equivariant4j.cli.run.MetricsHistory;
import org.equivariant4j.cli.run.OutputFolder;
import org.equivariant4j.cli.run.ProgressReporter;
import org.equivariant4j.cli.run.ResumePoint;
import org.equivariant4j.cli.run.StopSignal;
import org.equivariant4j.cli.run.TrainingLoop;
import org.equivariant4j.core.experiment.Experiment;
import org.equivariant4j.core.experiment.ExperimentConfig;
import org.equivariant4j.core.experiment.ExperimentRun;
import org.equivariant4j.core.experiment.StandardOptions;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.nn.experiment.DataParallelHost;
import org.equivariant4j.runtime.Contribution;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code eq4j run}: trains and evaluates an experiment from any plugin, with live progress, and
 * writes its folder: {@code config.json}, {@code metrics.csv} (a row appended each epoch),
 * {@code checkpoint.safetensors} (each epoch, atomically), and at the end {@code metrics.json}, the
 * learning curves PNG and {@code results.md}.
 *
 * <p>Every input is checked before any data is generated: the experiment id, every option, the
 * checkpoint to resume ({@link ResumePoint}), and the output folder, which is claimed so no other
 * run can share it ({@link OutputFolder}).
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Train and evaluate an experiment, writing metrics (CSV, JSON), a learning-curve plot (PNG), a"
                + " checkpoint (safetensors) and the config used (JSON) to an output folder.",
                "Ctrl-C stops after the current step and keeps the last epoch's checkpoint; --resume continues from it"
                + " exactly as the uninterrupted run would have: parameters, optimiser state, epoch count, data"
                + " (regenerated from the seed) and the metrics so far are restored. Only --epochs may change on a resume."},
        footerHeading = "%nExamples:%n",
        footer = {"  eq4j run two-spirals",
                  "  eq4j run two-spirals --epochs 50 -o hidden=128 -o lr=0.005",
                  "  eq4j run c4-tetrominoes --seed 3 --out runs/flagship",
                  "  eq4j run c4-tetrominoes --resume runs/flagship/checkpoint.safetensors --epochs 30",
                  "  eq4j run c4-tetrominoes --resume runs/flagship/checkpoint.safetensors --epochs 40 --out runs/flagship",
                  "  eq4j run nbody-egnn --spark local[2]          # data-parallel on Spark (2 partitions)",
                  "  eq4j list --options                # every experiment's options and defaults"})
final class RunCommand implements Callable<Integer> {
    @ParentCommand
    private Eq4j parent;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EXPERIMENT", description = "Experiment id (see: eq4j list).")
    private String experimentId;

    @Mixin
    private ExperimentOptions experimentOptions;

    @Mixin
    private DataParallelOptions dataParallel;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: runs/<experiment>-<timestamp>).")
    private Path out;

    @Option(names = "--resume", paramLabel = "CHECKPOINT",
            description = "Continue from a run's checkpoint.safetensors; its options are the defaults, flags override them.")
    private Path resume;

    @Option(names = "--overwrite", description = "Run into a --out folder that holds files: the run's files there are"
            + " replaced (others are left alone).")
    private boolean overwrite;

    @Option(names = "--progress", paramLabel = "MODE", defaultValue = "auto",
            description = "auto, bar, lines or none (default: ${DEFAULT-VALUE}: a bar on a terminal, lines otherwise).")
    private String progress;

    @Override
    public Integer call() {
        PrintWriter console = spec.commandLine().getOut();
        ProgressMode mode = progressMode();
        if (out != null && out.toString().isBlank()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "option '--out': the folder name is empty;"
                    + " give a folder (e.g. --out runs/spirals), or leave --out out for runs/<experiment>-<time>");
        }
        Contribution<Experiment> found = parent.runtime().experiments().experiment(experimentId);
        Experiment experiment = found.provider();

        // Everything about the resume is checked before any data is generated or any folder claimed.
        ResumePoint from = resume == null ? null : ResumePoint.open(resume, experiment, experimentOptions.overrides());
        ExperimentConfig config = from != null ? from.config()
                : ExperimentConfig.resolve(experiment, experimentOptions.overrides());
        int epochs = config.has(StandardOptions.EPOCHS) ? config.intValue(StandardOptions.EPOCHS) : 1;
        if (dataParallel.enabled()) {
            dataParallel.check(experiment);
        }
        OutputFolder folder = out != null ? OutputFolder.claim(out, overwrite, resume)
                : OutputFolder.createDefault(Path.of("runs"), experimentId, LocalDateTime.now());

        try (DataParallelHost.Session cluster = dataParallel.enabled() ? dataParallel.start(experiment, config) : null) {
            ExperimentRun run = cluster != null ? cluster.run() : experiment.start(config);
            return train(console, mode, found, config, epochs, folder, from, run, cluster);
        }
    }

    private int train(PrintWriter console, ProgressMode mode, Contribution<Experiment> found, ExperimentConfig config,
            int epochs, OutputFolder folder, ResumePoint from, ExperimentRun run, DataParallelHost.Session cluster) {
        int startEpoch = 0;
        MetricsHistory history = new MetricsHistory();
        double secondsBefore = 0;
        if (from != null) {
            from.restoreInto(run);
            startEpoch = from.checkpoint().epochsCompleted();
            secondsBefore = from.checkpoint().seconds();
            if (from.history() != null) {
                history = from.history();
            }
        }
        String backend = Tensors.backend().describe();
        ConfigFile.write(folder.resolve(OutputFolder.CONFIG), config, found.plugin(), run.data(), ModuleVersions.versions(),
                backend, resume, startEpoch);

        console.printf("eq4j run %s  (plugin %s %s, %s)%n", experimentId, found.plugin().id(),
                found.plugin().descriptor().version(), backend);
        console.printf("  options  %s%n", config.asText());
        console.printf("  data     %s%n", run.data());
        console.printf("  model    %,d parameters%n", run.model().parameterCount());
        console.printf("  output   %s%n", folder.dir());
        if (cluster != null) {
            console.printf("  cluster  %s%n", cluster.description());
        }
        if (folder.staleTemporariesRemoved() > 0) {
            console.printf("  cleaned  %d temporary file(s) that killed writes left in it%n", folder.staleTemporariesRemoved());
        }
        if (from != null) {
            console.printf("  resumed  from %s at epoch %d (parameters, optimiser state, data order)%n", resume, startEpoch);
            if (from.history() == null) {
                console.printf("  note     no %s beside the checkpoint: the metrics of epochs 1-%d are not carried over%n",
                        OutputFolder.METRICS_CSV, startEpoch);
            }
        }
        console.flush();

        // The stop signal stays open until the last line is printed: a Ctrl-C's shutdown hook waits for
        // close(), and the JVM halts as soon as the hook returns.
        try (StopSignal stop = StopSignal.onShutdown(System.err, java.time.Duration.ofSeconds(60))) {
            TrainingLoop.Outcome outcome;
            try (ProgressReporter reporter = mode.create(console, startEpoch, epochs)) {
                outcome = new TrainingLoop(run, config, folder, history, secondsBefore, reporter, stop).run(startEpoch, epochs);
            }
            return report(console, folder, outcome, startEpoch);
        }
    }

    private int report(PrintWriter console, OutputFolder folder, TrainingLoop.Outcome outcome, int startEpoch) {
        Path ckpt = folder.resolve(OutputFolder.CHECKPOINT);
        if (outcome.stopped() && outcome.epochsCompleted() == startEpoch) {
            console.printf("%nstopped before epoch %d ended: no new checkpoint%s%n", startEpoch + 1,
                    resume == null ? "" : "; the last one is still " + resume);
            console.flush();
            return Eq4j.EXIT_INTERRUPTED;
        }
        if (outcome.stopped()) {
            console.printf("%nstopped after %d of %d epochs; the checkpoint of epoch %d is %s%n", outcome.epochsCompleted(),
                    outcome.epochs(), outcome.epochsCompleted(), ckpt);
            console.printf("resume with: eq4j run %s --resume %s%n", experimentId, ckpt);
            console.flush();
            return Eq4j.EXIT_INTERRUPTED;
        }
        console.println();
        console.print(outcome.results().toText());
        console.printf("%nwrote %s: %s, %s, %s, %s, %s, %s%n", folder.dir(), OutputFolder.CONFIG, OutputFolder.METRICS_CSV,
                OutputFolder.METRICS_JSON, OutputFolder.PLOT, OutputFolder.CHECKPOINT, OutputFolder.RESULTS);
        console.flush();
        return 0;
    }

    /** Parsed by hand so a typo is refused like any other option value: naming the flag and the choices. */
    private ProgressMode progressMode() {
        try {
            return ProgressMode.valueOf(progress.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "option '--progress': '" + progress
                    + "' is not one of auto, bar, lines, none");
        }
    }
}
