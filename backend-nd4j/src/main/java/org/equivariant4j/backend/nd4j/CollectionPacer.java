package org.equivariant4j.backend.nd4j;

import java.lang.ref.WeakReference;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Asks for a garbage collection once so many bytes of native memory have been handed to new buffers
 * and not given back since the last one, so that the resident set of a long training run stays
 * bounded without a user-set {@code maxphysicalbytes}.
 *
 * <p>Why a collection at all: the pool takes back only what the backward pass and the kernels can
 * prove dead. A step's forward values, the arrays its backward closures captured, leaf gradients
 * dropped by {@code zeroGrad} and anything made under {@code GradMode.disabled()} die when the
 * caller lets go of them, which no code in the engine can observe; ND4J frees them when the
 * collector finds their Java owners unreachable. A step makes little heap garbage, so on its own
 * the collector runs rarely, and a few megabytes of dead native memory per step piled up to 12.7 GB
 * (benchmarks/README.md, MemoryBound). JavaCPP's answer is a cap on the resident set that the user
 * must choose; this paces collections by the native garbage itself: at most
 * {@code equivariant4j.pool.collectAfterBytes} (default 512 MiB, at most an eighth of JavaCPP's
 * {@code maxphysicalbytes}; 0 turns pacing off) of memory handed
 * out and not given back between two collections (what the collection then returns to the
 * {@link BufferPool} serves the following steps). Any collection, the JVM's own included, restarts the count (a
 * weakly held sentinel tells), so a program whose heap already collects often never gets one from here.
 */
final class CollectionPacer {
    static final String PROPERTY = "equivariant4j.pool.collectAfterBytes";
    static final long DEFAULT_BYTES = 512L << 20;

    private final long budget;
    private final AtomicLong since = new AtomicLong();
    private final AtomicLong requested = new AtomicLong();
    private volatile WeakReference<Object> sentinel = new WeakReference<>(new Object());

    CollectionPacer(long budget) {
        this.budget = budget;
    }

    static CollectionPacer fromProperty() {
        // Under a resident-memory cap the user set, garbage between collections must leave room below it.
        long cap = org.bytedeco.javacpp.Pointer.maxPhysicalBytes();
        long budget = Long.getLong(PROPERTY, DEFAULT_BYTES);
        return new CollectionPacer(cap > 0 ? Math.min(budget, cap / 8) : budget);
    }

    /** {@code bytes} of native memory (fresh or pooled) were just handed to a new buffer. */
    void allocated(long bytes) {
        if (budget <= 0) {
            return;
        }
        if (sentinel.get() == null) {
            // The collector ran since the last look: the count starts again.
            since.set(0);
            sentinel = new WeakReference<>(new Object());
        }
        if (since.addAndGet(bytes) > budget) {
            since.set(0);
            requested.incrementAndGet();
            System.gc();
            sentinel = new WeakReference<>(new Object());
        }
    }

    /** {@code bytes} of what {@link #allocated} counted were given back without a collection. */
    void returned(long bytes) {
        if (budget > 0) {
            since.addAndGet(-bytes);
        }
    }

    /** How many collections this pacer has asked for. */
    long requested() {
        return requested.get();
    }
}
