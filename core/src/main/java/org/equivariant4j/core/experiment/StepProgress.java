package org.equivariant4j.core.experiment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One finished optimisation step, as reported to a {@link StepListener}.
 *
 * @param epoch  0-based epoch index
 * @param step   1-based index of this step within the epoch
 * @param steps  number of steps in a full epoch
 * @param losses the step's loss of each model being trained, by model name, in a stable order (one
 *               entry, e.g. {@code "loss"}, for a single model)
 */
public record StepProgress(int epoch, int step, int steps, Map<String, Double> losses) {

    public StepProgress {
        losses = Collections.unmodifiableMap(new LinkedHashMap<>(losses));
    }

    /** The mean of {@link #losses()}: one number for a progress bar. */
    public double meanLoss() {
        return losses.values().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }
}
