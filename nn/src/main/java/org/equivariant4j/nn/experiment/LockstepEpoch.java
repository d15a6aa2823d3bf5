package org.equivariant4j.nn.experiment;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import org.equivariant4j.core.experiment.EpochTraining;
import org.equivariant4j.core.experiment.StepListener;
import org.equivariant4j.core.experiment.StepProgress;
import org.equivariant4j.nn.data.Batch;
import org.equivariant4j.nn.data.DataLoader;

/**
 * One training epoch of several named models in lockstep: every batch of the loader's epoch trains each of them once
 * ({@link Step}), the listener hears every step's losses, a stop request ends the epoch after the current step, and
 * the epoch's metrics are each model's mean loss. What {@link ClassifierSet} and the side-by-side runs of the method
 * modules share; how a step trains stays theirs.
 */
public final class LockstepEpoch {

    /** One step: trains every model on {@code batch} and returns each one's loss, by model name. */
    @FunctionalInterface
    public interface Step {
        Map<String, Double> train(Batch batch);
    }

    private LockstepEpoch() {
    }

    /**
     * Runs epoch {@code epoch} of {@code loader}. The metrics are {@code metricName(name)} → the mean of that model's
     * step losses, for every name of {@code names} in order (0 when no step ran); the result is complete unless
     * {@code stop} ended the epoch early.
     */
    public static EpochTraining run(int epoch, DataLoader loader, Collection<String> names, Step step,
            Function<String, String> metricName, StepListener listener, BooleanSupplier stop) {
        Map<String, Double> sums = new LinkedHashMap<>();
        names.forEach(n -> sums.put(n, 0.0));
        int steps = loader.batchesPerEpoch();
        int done = 0;
        for (Batch batch : loader.epoch(epoch)) {
            Map<String, Double> losses = step.train(batch);
            losses.forEach((n, value) -> sums.merge(n, value, Double::sum));
            done++;
            listener.onStep(new StepProgress(epoch, done, steps, losses));
            if (stop.getAsBoolean() && done < steps) {
                return new EpochTraining(means(sums, done, metricName), done, false);
            }
        }
        return new EpochTraining(means(sums, done, metricName), done, true);
    }

    private static Map<String, Double> means(Map<String, Double> sums, int steps, Function<String, String> metricName) {
        Map<String, Double> out = new LinkedHashMap<>();
        sums.forEach((n, s) -> out.put(metricName.apply(n), s / Math.max(1, steps)));
        return out;
    }
}
