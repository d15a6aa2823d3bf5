package org.equivariant4j.backend.nd4j;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What the {@link BufferPool} and {@link PooledBufferFactory} have seen since the process started:
 * fresh native memory (blocks the pool allocated, and buffers ND4J allocated itself, which is all of
 * them when the pool is off), blocks reused instead, blocks given back deterministically, and blocks
 * that came back because the collector found their buffer unreachable. Read by the memory benchmarks: fresh bytes per
 * steady-state training step is the number the pool exists to bring down. Counts only buffers
 * that go through ND4J's buffer factory (every array ND4J makes on the Java side); memory libnd4j
 * allocates inside an op (its own temporaries) is not seen here, only in the resident set.
 */
final class PoolCounters {
    private final AtomicLong freshBuffers = new AtomicLong();
    private final AtomicLong freshBytes = new AtomicLong();
    private final AtomicLong reusedBuffers = new AtomicLong();
    private final AtomicLong reusedBytes = new AtomicLong();
    private final AtomicLong recycledBuffers = new AtomicLong();
    private final AtomicLong recycledBytes = new AtomicLong();
    private final AtomicLong collectedBuffers = new AtomicLong();
    private final AtomicLong collectedBytes = new AtomicLong();

    void fresh(long bytes) {
        freshBuffers.incrementAndGet();
        freshBytes.addAndGet(bytes);
    }

    void reused(long bytes) {
        reusedBuffers.incrementAndGet();
        reusedBytes.addAndGet(bytes);
    }

    void recycled(long bytes) {
        recycledBuffers.incrementAndGet();
        recycledBytes.addAndGet(bytes);
    }

    void collected(long bytes) {
        collectedBuffers.incrementAndGet();
        collectedBytes.addAndGet(bytes);
    }

    long collectedBuffers() {
        return collectedBuffers.get();
    }

    long freshBuffers() {
        return freshBuffers.get();
    }

    long freshBytes() {
        return freshBytes.get();
    }

    long reusedBuffers() {
        return reusedBuffers.get();
    }

    long reusedBytes() {
        return reusedBytes.get();
    }

    long recycledBuffers() {
        return recycledBuffers.get();
    }

    long recycledBytes() {
        return recycledBytes.get();
    }

    /**
     * The counters as {@code long[]}: fresh buffers, fresh bytes, reused buffers, reused bytes, buffers
     * given back, bytes given back, buffers the collector returned, bytes the collector returned.
     */
    long[] snapshot() {
        return new long[] {freshBuffers(), freshBytes(), reusedBuffers(), reusedBytes(), recycledBuffers(), recycledBytes(),
            collectedBuffers(), collectedBytes.get()};
    }
}
