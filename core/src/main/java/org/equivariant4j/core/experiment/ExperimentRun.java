package org.equivariant4j.core.experiment;

import java.util.Map;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;

import org.equivariant4j.core.error.StateDictMismatchException;
import org.equivariant4j.core.module.Module;
import org.equivariant4j.core.tensor.Tensor;

/**
 * One started {@link Experiment}: its generated data and its model(s), trained by the host one
 * epoch at a time.
 *
 * <h2>Checkpoints and resuming</h2>
 * {@link #model()} holds the parameters and buffers, as one module tree (a run that trains several
 * models makes them children of one container module); {@link #trainingState()} holds what
 * training carries from epoch to epoch besides them: the optimisers' state dicts (Adam's moments and
 * step counts, momentum buffers) and schedule positions. A host resumes by calling
 * {@link Module#loadStateDict} on {@link #model()} and {@link #loadTrainingState} with what it saved,
 * and then continuing with the next epoch index, which fixes the epoch-dependent data order and
 * random streams. The data is not saved: it is regenerated from the config's seed. A run that
 * keeps every random stream a function of (seed, epoch) and reports its whole training state is
 * resumed bit for bit; one that keeps the default (no training state) restarts its optimisers on a
 * resume, close to but not identical with an uninterrupted run.
 *
 * <h2>Determinism</h2>
 * Everything a run reports is a function of its config: two runs of one config report identical
 * metrics and tables. The one exception is wall-clock time, which a run names by its unit so that
 * tools can tell it apart: metrics {@code <unit>_per_<what>} (e.g. {@code ms_per_step},
 * {@code s_per_epoch}) and table columns {@code <unit>/<what>} (e.g. {@code ms/step}), with the unit
 * {@code ms} or {@code s} ({@link #isWallClock}). The cli's {@code ExperimentDeterminismTest} holds every
 * registered experiment to this.
 */
public interface ExperimentRun {

    /** Whether a metric or table column is named as a wall-clock measurement ({@code ms_per_step}, {@code s/epoch}). */
    static boolean isWallClock(String name) {
        return WallClockNames.PATTERN.matcher(name).matches();
    }

    /** The module tree whose state dict is the checkpoint of this run. */
    Module model();

    /**
     * The training state outside {@link #model()} (see the class comment) as named tensors, e.g.
     * {@code mlp.state.0.exp_avg}; empty by default. Live tensors: save them before the next epoch.
     */
    default Map<String, Tensor> trainingState() {
        return Map.of();
    }

    /**
     * Restores what {@link #trainingState()} returned, before the next epoch.
     *
     * @throws StateDictMismatchException when {@code state} does not fit this run (names, shapes),
     *         listing the problems; the default refuses any non-empty state
     */
    default void loadTrainingState(Map<String, Tensor> state) {
        if (!state.isEmpty()) {
            throw new StateDictMismatchException(getClass().getName() + " keeps no training state, but was given "
                    + new TreeSet<>(state.keySet()));
        }
    }

    /** What the built-in generator produced, for logs and the written config. */
    DatasetSummary data();

    /**
     * Trains for one epoch. The data order must depend only on the config and {@code epoch}, so an
     * epoch gives the same batches whether or not the run was resumed.
     *
     * @param epoch    0-based index of the epoch
     * @param listener told after every optimisation step (for progress bars and benchmarks)
     * @param stop     checked after every step; when it returns true the epoch ends early
     * @return the epoch's training metrics (e.g. mean loss), and whether every step ran
     */
    EpochTraining trainEpoch(int epoch, StepListener listener, BooleanSupplier stop);

    /** Metrics of the current model(s) on held-out data, by name (e.g. {@code "test_acc"}), in a stable order. */
    Map<String, Double> evaluate();

    /** The final comparison, computed from the current model(s): what the experiment shows. */
    ResultTable results();
}
