package org.equivariant4j.cli.run;

import org.equivariant4j.core.experiment.StepListener;

/**
 * Shows a run's progress: told of every step (through {@link StepListener}) and of every finished
 * epoch. A live bar for terminals ({@link BarProgress}), epoch lines for logs ({@link LineProgress}).
 */
public interface ProgressReporter extends StepListener, AutoCloseable {

    /** Epoch {@code record.epoch()} of {@code epochs} is finished and saved. */
    void onEpoch(EpochRecord record, int epochs);

    /** Ends the display (a bar in progress is closed where it stands). */
    @Override
    void close();
}
