package org.equivariant4j.benchmarks;

import java.lang.reflect.Method;

/**
 * Reads the backend's buffer-pool counters (fresh, reused and given-back native buffers since the
 * process started). The backend keeps them package-private (its only public class is
 * {@code Nd4jBackend}), so this measurement-only code reaches them by reflection, as a profiler
 * would; nothing outside the benchmarks depends on it. Loading the class also puts the pool's
 * wrapper in front of ND4J's buffer factory, so call {@link #snapshot()} once before measuring.
 */
final class PoolCounterReader {
    private static final Method PROCESS;
    private static final Method COUNTERS;
    private static final Method SNAPSHOT;
    private static final Method HELD_BYTES;

    static {
        try {
            Class<?> pool = Class.forName("org.equivariant4j.backend.nd4j.BufferPool");
            PROCESS = pool.getDeclaredMethod("process");
            PROCESS.setAccessible(true);
            COUNTERS = pool.getDeclaredMethod("counters");
            COUNTERS.setAccessible(true);
            HELD_BYTES = pool.getDeclaredMethod("heldBytes");
            HELD_BYTES.setAccessible(true);
            SNAPSHOT = Class.forName("org.equivariant4j.backend.nd4j.PoolCounters").getDeclaredMethod("snapshot");
            SNAPSHOT.setAccessible(true);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the backend has no buffer pool counters (an older backend-nd4j?)", e);
        }
    }

    private PoolCounterReader() {
    }

    /**
     * Fresh buffers, fresh bytes, reused buffers, reused bytes, given-back buffers, given-back bytes,
     * buffers returned by the collector, bytes returned by the collector, bytes held free now.
     */
    static long[] snapshot() {
        try {
            Object pool = PROCESS.invoke(null);
            long[] c = (long[]) SNAPSHOT.invoke(COUNTERS.invoke(pool));
            long[] out = java.util.Arrays.copyOf(c, c.length + 1);
            out[c.length] = (Long) HELD_BYTES.invoke(pool);
            return out;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
