package org.equivariant4j.backend.nd4j;

import org.bytedeco.javacpp.Pointer;

/**
 * {@link MemoryMeter} on JavaCPP's counters, the same ones JavaCPP itself consults before it
 * allocates: ND4J frees a buffer only after the collector has found its array unreachable, so
 * {@link #reclaim()} does what JavaCPP does when resident memory passes its cap (a collection, then
 * a short wait for the deallocator thread).
 */
final class JavaCppMeter implements MemoryMeter {
    /** As JavaCPP's own retries: a collection, then 100 ms for the deallocator, a few times at most. */
    private static final int RECLAIM_ROUNDS = 3;
    private static final long RECLAIM_WAIT_MS = 100;

    @Override
    public long maxBytes() {
        return Pointer.maxBytes();
    }

    @Override
    public long totalBytes() {
        return Pointer.totalBytes();
    }

    @Override
    public long maxPhysicalBytes() {
        return Pointer.maxPhysicalBytes();
    }

    @Override
    public long physicalBytes() {
        return Pointer.physicalBytes();
    }

    @Override
    public long availablePhysicalBytes() {
        return Pointer.availablePhysicalBytes();
    }

    @Override
    public void reclaim() {
        long before = Pointer.physicalBytes();
        for (int i = 0; i < RECLAIM_ROUNDS; i++) {
            System.gc();
            try {
                Thread.sleep(RECLAIM_WAIT_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long now = Pointer.physicalBytes();
            if (now >= before) {
                // Nothing more came back: further rounds would only cost time.
                return;
            }
            before = now;
        }
    }
}
