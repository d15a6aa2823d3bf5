package org.equivariant4j.cli.run;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

import org.equivariant4j.core.error.Equivariant4jException;
import org.equivariant4j.core.error.InvalidOptionException;
import org.equivariant4j.core.error.UnknownIdException;
import org.equivariant4j.core.error.StateDictMismatchException;
import org.equivariant4j.core.experiment.Experiment;
import org.equivariant4j.core.experiment.ExperimentConfig;
import org.equivariant4j.core.experiment.ExperimentRun;
import org.equivariant4j.core.experiment.StandardOptions;

/**
 * What {@code --resume CHECKPOINT} continues, checked in full before any data is generated: the
 * checkpoint's metadata ({@link RunCheckpoint#read}), that it is a run of this experiment, that the
 * options given now change nothing but {@code epochs} (the checkpoint fixes the run: another width
 * would not fit its tensors, another seed or learning rate would not continue it), that there are
 * epochs left to train, that its tensors are finite, and that the {@code metrics.csv} beside it
 * holds its history. Exact: with the optimiser state restored too, the resumed run trains as the
 * uninterrupted one would have.
 *
 * @param checkpointPath the checkpoint file
 * @param checkpoint     its metadata
 * @param config         the run's config: the checkpoint's, with the epochs given now
 * @param state          its tensors, all finite
 * @param history        the metrics of its epochs, or null when no {@code metrics.csv} is beside it
 */
public record ResumePoint(Path checkpointPath, RunCheckpoint checkpoint, ExperimentConfig config, RunCheckpoint.State state,
        MetricsHistory history) {

    /**
     * Reads and checks {@code checkpointPath} for a run of {@code experiment} with the options
     * {@code overrides} given on the command line.
     *
     * @throws Equivariant4jException naming the checkpoint, what does not fit and what to do instead
     */
    public static ResumePoint open(Path checkpointPath, Experiment experiment, Map<String, String> overrides) {
        RunCheckpoint checkpoint = RunCheckpoint.read(checkpointPath);
        if (!checkpoint.experiment().equals(experiment.id())) {
            throw new Equivariant4jException("checkpoint " + checkpointPath + " is a run of experiment '"
                    + checkpoint.experiment() + "', not '" + experiment.id() + "'; resume it with: eq4j run "
                    + checkpoint.experiment() + " --resume " + checkpointPath);
        }
        ExperimentConfig saved;
        try {
            saved = ExperimentConfig.resolve(experiment, new LinkedHashMap<>(checkpoint.config()));
        } catch (InvalidOptionException | UnknownIdException e) {
            throw new Equivariant4jException("checkpoint " + checkpointPath + " holds options that experiment '"
                    + experiment.id() + "' does not accept now (was it written by another version of its plugin?): "
                    + e.getMessage(), e);
        }
        Map<String, String> merged = new LinkedHashMap<>(checkpoint.config());
        merged.putAll(overrides);
        ExperimentConfig config = ExperimentConfig.resolve(experiment, merged);
        refuseChangedOptions(checkpointPath, saved, config);

        int done = checkpoint.epochsCompleted();
        int epochs = config.has(StandardOptions.EPOCHS) ? config.intValue(StandardOptions.EPOCHS) : 1;
        if (epochs <= done) {
            throw new Equivariant4jException("nothing to do: checkpoint " + checkpointPath + " has completed " + done
                    + " epoch(s) and the run asks for " + epochs + "; to train further, pass --epochs N with N > " + done
                    + " (no folder was created and no checkpoint written)");
        }
        RunCheckpoint.State state = RunCheckpoint.loadState(checkpointPath);
        Path folder = checkpointPath.toAbsolutePath().normalize().getParent();
        MetricsHistory history = MetricsCsv.read(folder.resolve(OutputFolder.METRICS_CSV), done);
        return new ResumePoint(checkpointPath, checkpoint, config, state, history);
    }

    /** Options other than epochs that the command line changes: a resume would not continue the same run. */
    private static void refuseChangedOptions(Path checkpointPath, ExperimentConfig saved, ExperimentConfig now) {
        StringJoiner changed = new StringJoiner(", ");
        now.values().forEach((name, value) -> {
            Object before = saved.values().get(name);
            if (!name.equals(StandardOptions.EPOCHS) && !Objects.equals(before, value)) {
                changed.add(name + " " + saved.asText().get(name) + " -> " + now.asText().get(name));
            }
        });
        if (changed.length() > 0) {
            throw new Equivariant4jException("checkpoint " + checkpointPath + " was trained with other options than given"
                    + " now (" + changed + "); a resume continues the run as it was configured, so only --epochs may"
                    + " change. Drop these options, or start a new run with them");
        }
    }

    /**
     * Loads the checkpoint's tensors into {@code run}, built from {@link #config()}.
     *
     * @throws Equivariant4jException when they do not fit the model as the plugin builds it now
     *         (another plugin version), listing the mismatches
     */
    public void restoreInto(ExperimentRun run) {
        try {
            RunCheckpoint.restore(run, state);
        } catch (StateDictMismatchException e) {
            throw new Equivariant4jException("checkpoint " + checkpointPath + " does not fit experiment '"
                    + checkpoint.experiment() + "' as its plugin builds it now (was it written by another version?): "
                    + e.getMessage(), e);
        }
    }
}
