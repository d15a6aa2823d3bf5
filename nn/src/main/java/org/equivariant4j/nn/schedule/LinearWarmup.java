package org.equivariant4j.nn.schedule;

import org.equivariant4j.core.error.InvalidArgumentException;

import java.util.Objects;

/**
 * Linear warm-up in front of another schedule: during the first {@code warmupSteps} steps the
 * rate climbs linearly to the rate {@code after} starts with, {@code lr(t) = after(0) * (t + 1) / (warmupSteps + 1)};
 * afterwards {@code lr(t) = after(t - warmupSteps)}. Starting small lets Adam's second-moment
 * estimates settle before large steps are taken; the first step is never 0 so no step is wasted.
 *
 * @param warmupSteps steps of warm-up (0 means none)
 * @param after       the schedule that follows, counted from the end of the warm-up
 */
public record LinearWarmup(long warmupSteps, LearningRateSchedule after) implements LearningRateSchedule {

    public LinearWarmup {
        if (warmupSteps < 0) {
            throw new InvalidArgumentException("LinearWarmup: warm-up steps must be >= 0, got " + warmupSteps);
        }
        Objects.requireNonNull(after, "after");
    }

    @Override
    public double learningRate(long step) {
        if (step < 0) {
            throw new InvalidArgumentException("LinearWarmup: step must be >= 0, got " + step);
        }
        if (step < warmupSteps) {
            return after.learningRate(0) * (step + 1) / (warmupSteps + 1);
        }
        return after.learningRate(step - warmupSteps);
    }
}
