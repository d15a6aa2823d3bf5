package org.equivariant4j.core.experiment;

import org.equivariant4j.core.error.InvalidArgumentException;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one call of {@link ExperimentRun#trainEpoch} did: its training metrics by name (in a stable
 * order, e.g. {@code "train_loss"}), the number of optimisation steps run, and whether the epoch
 * ran to its end or was stopped early.
 */
public record EpochTraining(Map<String, Double> metrics, int steps, boolean complete) {

    public EpochTraining {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        if (steps < 0) {
            throw new InvalidArgumentException("EpochTraining: negative step count " + steps);
        }
    }
}
