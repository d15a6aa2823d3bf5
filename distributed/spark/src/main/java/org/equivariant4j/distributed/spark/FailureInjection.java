package org.equivariant4j.distributed.spark;

import java.io.Serializable;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.spark.TaskContext;

/**
 * A task failure injected on purpose, to prove that a step Spark retries gives the same result: the first attempt
 * of the task of partition {@code partition} at {@code step} of {@code epoch} throws after computing its result, once
 * per JVM (the retry, attempt 1, succeeds). {@link #NONE} injects nothing; only tests and the benchmark of recovery
 * set one.
 *
 * @param epoch     0-based epoch of the failing step
 * @param step      0-based step within the epoch
 * @param partition the failing partition
 */
public record FailureInjection(int epoch, int step, int partition) implements Serializable {

    /** No failure. */
    public static final FailureInjection NONE = new FailureInjection(-1, -1, -1);

    /** The failures already thrown in this JVM (so each is thrown once, even if Spark reruns the whole stage). */
    private static final Set<FailureInjection> THROWN = ConcurrentHashMap.newKeySet();

    /** Whether this failure has been thrown in this JVM (a test checks that its injection took effect). */
    public boolean wasThrown() {
        return THROWN.contains(this);
    }

    void maybeFail(int atEpoch, int atStep, int atPartition) {
        if (this.equals(NONE) || atEpoch != epoch || atStep != step || atPartition != partition) {
            return;
        }
        TaskContext task = TaskContext.get();
        if (task != null && task.attemptNumber() == 0 && THROWN.add(this)) {
            throw new InjectedTaskFailure("injected failure of partition " + partition + " at epoch " + epoch + ", step "
                    + step + " (attempt 0); Spark retries the task");
        }
    }

    /** The exception an injected failure throws. */
    public static final class InjectedTaskFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InjectedTaskFailure(String message) {
            super(message);
        }
    }
}
