package org.equivariant4j.backend.nd4j;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What the {@link BufferPool} and {@link PooledBufferFactory} have seen since the process started,
 * as counts and bytes per {@link Event}: fresh native memory (blocks the pool allocated, and buffers
 * ND4J allocated itself, which is all of them when the pool is off), blocks reused instead, blocks
 * given back deterministically, and blocks that came back because the collector found their buffer
 * unreachable. Read by the memory benchmarks: fresh bytes per steady-state training step is the
 * number the pool exists to bring down. Memory libnd4j allocates inside an op (its own
 * temporaries) is not seen here, only in the resident set.
 */
final class PoolCounters {
    /** What happened to a block or buffer. */
    enum Event {
        FRESH, REUSED, GIVEN_BACK, COLLECTED
    }

    private final AtomicLongArray counts = new AtomicLongArray(Event.values().length);
    private final AtomicLongArray bytes = new AtomicLongArray(Event.values().length);

    void count(Event e, long n) {
        counts.incrementAndGet(e.ordinal());
        bytes.addAndGet(e.ordinal(), n);
    }

    long count(Event e) {
        return counts.get(e.ordinal());
    }

    long bytes(Event e) {
        return bytes.get(e.ordinal());
    }

    /** Per {@link Event} in declaration order, its count then its bytes. */
    long[] snapshot() {
        long[] out = new long[2 * Event.values().length];
        for (Event e : Event.values()) {
            out[2 * e.ordinal()] = count(e);
            out[2 * e.ordinal() + 1] = bytes(e);
        }
        return out;
    }
}
