package org.equivariant4j.nn.schedule;

import org.equivariant4j.nn.optim.Optimizer;

/**
 * The learning rate as a function of the optimiser step (0 for the first step). A pure function
 * rather than a stateful scheduler, so resuming at step {@code k} needs nothing but {@code k}.
 *
 * <pre>{@code
 * LearningRateSchedule schedule = new LinearWarmup(100, new CosineDecay(1e-3, 1e-5, 900));
 * for (int step = 0; step < 1000; step++) {
 *     schedule.apply(optimizer, step);
 *     ... backward ...
 *     optimizer.step();
 * }
 * }</pre>
 */
@FunctionalInterface
public interface LearningRateSchedule {

    /** The learning rate of step {@code step} (0-based). */
    double learningRate(long step);

    /** Sets {@code optimizer}'s learning rate for step {@code step}. */
    default void apply(Optimizer optimizer, long step) {
        optimizer.setLearningRate(learningRate(step));
    }
}
