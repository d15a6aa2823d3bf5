package org.equivariant4j.nn.io;

import java.lang.management.ManagementFactory;

/**
 * Bytes the current thread allocates on the heap while running an action, from HotSpot's per-thread
 * counter ({@link com.sun.management.ThreadMXBean#getThreadAllocatedBytes(long)}): what a reader
 * allocates for one file, whether or not it is collected before the end, which a heap snapshot would miss.
 */
final class ThreadAllocation {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** What an action did: its allocation, its duration and what it threw (null if it returned). */
    record Outcome(long allocatedBytes, long nanos, Throwable thrown) {
    }

    private ThreadAllocation() {
    }

    static Outcome measure(Runnable action) {
        long id = Thread.currentThread().getId();
        long before = THREADS.getThreadAllocatedBytes(id);
        long start = System.nanoTime();
        Throwable thrown = null;
        try {
            action.run();
        } catch (Throwable t) {
            thrown = t;
        }
        long nanos = System.nanoTime() - start;
        return new Outcome(THREADS.getThreadAllocatedBytes(id) - before, nanos, thrown);
    }
}
