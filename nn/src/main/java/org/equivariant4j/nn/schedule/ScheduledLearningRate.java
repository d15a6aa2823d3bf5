package org.equivariant4j.nn.schedule;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import org.equivariant4j.core.error.StateDictMismatchException;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.nn.optim.Optimizer;

/**
 * A {@link LearningRateSchedule} bound to an optimiser, with its position: {@link #apply()} before
 * each optimiser step sets the rate of that step and advances. The position is the only state (the
 * schedule is a pure function of it), and {@link #stateDict()} saves it as PyTorch's
 * {@code LRScheduler.state_dict()} saves {@code last_epoch}, so a resumed run continues the schedule
 * where it stopped instead of restarting it.
 *
 * <pre>{@code
 * ScheduledLearningRate lr = new ScheduledLearningRate(optimizer, new CosineDecay(1e-3, 1e-5, 900));
 * for (...) { lr.apply(); ... backward ...; optimizer.step(); }
 * checkpoint.putAll(lr.stateDict());       // later: lr.loadStateDict(saved)
 * }</pre>
 */
public final class ScheduledLearningRate {
    /** Name of the position in {@link #stateDict()}: the number of steps whose rate was set. */
    public static final String STEPS_KEY = "steps";

    private final Optimizer optimizer;
    private final LearningRateSchedule schedule;
    private long steps;

    public ScheduledLearningRate(Optimizer optimizer, LearningRateSchedule schedule) {
        this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
        this.schedule = Objects.requireNonNull(schedule, "schedule");
    }

    /** Sets the optimiser's rate for its next step (step {@link #steps()}, 0-based) and advances. */
    public void apply() {
        schedule.apply(optimizer, steps);
        steps++;
    }

    /** How many steps' rates were set so far. */
    public long steps() {
        return steps;
    }

    /** The position, as one INT64 scalar named {@link #STEPS_KEY}. */
    public Map<String, Tensor> stateDict() {
        return Map.of(STEPS_KEY, Tensors.of(new long[] {steps}));
    }

    /**
     * Restores a {@link #stateDict()}.
     *
     * @throws StateDictMismatchException when the entry is missing, not a scalar, or not a count
     */
    public void loadStateDict(Map<String, Tensor> state) {
        TreeSet<String> unexpected = new TreeSet<>(state.keySet());
        unexpected.remove(STEPS_KEY);
        Tensor t = state.get(STEPS_KEY);
        String problem = !unexpected.isEmpty() ? "unexpected " + unexpected
                : t == null ? "missing " + STEPS_KEY
                : t.numel() != 1 ? STEPS_KEY + ": expected a scalar but was shape " + Arrays.toString(t.shape())
                : t.toLongArray()[0] < 0 ? STEPS_KEY + ": expected a count >= 0 but was " + t.toLongArray()[0]
                : null;
        if (problem != null) {
            throw new StateDictMismatchException("ScheduledLearningRate.loadStateDict: " + problem);
        }
        steps = t.toLongArray()[0];
    }
}
