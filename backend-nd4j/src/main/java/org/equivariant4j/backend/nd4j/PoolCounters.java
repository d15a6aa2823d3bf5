package org.equivariant4j.backend.nd4j;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What the {@link BufferPool} and {@link PooledBufferFactory} have seen since the process started:
 * fresh native buffers (allocated by ND4J, whether the pool is on or off), buffers served from the
 * pool instead, and buffers given back to it. Read by the memory benchmarks: fresh bytes per
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

    /** The counters as {@code long[]}: fresh buffers, fresh bytes, reused buffers, reused bytes, recycled buffers, recycled bytes. */
    long[] snapshot() {
        return new long[] {freshBuffers(), freshBytes(), reusedBuffers(), reusedBytes(), recycledBuffers(), recycledBytes()};
    }
}
