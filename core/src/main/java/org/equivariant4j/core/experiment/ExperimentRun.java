package org.equivariant4j.core.experiment;

import java.util.Map;
import java.util.function.BooleanSupplier;

import org.equivariant4j.core.module.Module;

/**
 * One started {@link Experiment}: its generated data and its model(s), trained by the host one
 * epoch at a time.
 *
 * <h2>Checkpoints and resuming</h2>
 * {@link #model()} holds every piece of state that training changes and that must survive a
 * resume, as parameters and buffers of one module tree (a run that trains several models makes
 * them children of one container module). A host resumes by calling
 * {@link Module#loadStateDict} on {@link #model()} with a saved state dict and then continuing with
 * the next epoch index. So a resume restores: the parameters and buffers, and (through the epoch
 * index the host passes) the epoch-dependent data order and learning-rate schedule. The data is not
 * saved: it is regenerated from the config's seed. Optimiser state (momentum, Adam's moment
 * estimates) is not part of the model and restarts from zero, so a resumed run is close to, not
 * bit-identical with, an uninterrupted one.
 *
 * <h2>Determinism</h2>
 * Everything a run reports is a function of its config: two runs of one config report identical
 * metrics and tables. The one exception is wall-clock time, which a run names by its unit so that
 * tools can tell it apart: metrics {@code <unit>_per_<what>} (e.g. {@code ms_per_step},
 * {@code s_per_epoch}) and table columns {@code <unit>/<what>} (e.g. {@code ms/step}), with the unit
 * {@code ms} or {@code s}. The cli's {@code ExperimentDeterminismTest} holds every registered
 * experiment to this.
 */
public interface ExperimentRun {

    /** The module tree whose state dict is the checkpoint of this run. */
    Module model();

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
