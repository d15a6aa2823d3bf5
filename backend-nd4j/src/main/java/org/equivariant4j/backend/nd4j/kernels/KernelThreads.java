package org.equivariant4j.backend.nd4j.kernels;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.IntConsumer;

import org.nd4j.linalg.factory.Nd4j;

/**
 * The threads the kernels split their work over: the calling thread plus a small pool of daemon
 * workers, as many in total as ND4J's own thread count (so a kernel never asks for more cores
 * than an ND4J op would), capped at the available processors. A dedicated pool rather than the
 * common one because the common pool has {@code cores - 1} workers (one, on 2 cores) and may be
 * busy with unrelated work; it is created on first use, so loading the backend starts no thread.
 *
 * <p>Results never depend on how many threads ran: every kernel partitions its output so that
 * each output element is written by exactly one part, in a fixed order.
 */
public final class KernelThreads {

    private KernelThreads() {
    }

    /** How many parts a kernel may split into: ND4J's thread count, at most the processors, at least 1. */
    public static int parallelism() {
        return Pool.PARALLELISM;
    }

    /**
     * Runs {@code part.accept(p)} for {@code p} in {@code [0, parts)}: part 0 on the calling thread,
     * the others on the pool, and returns when all have finished. An exception in any part is
     * rethrown here after the other parts have finished.
     */
    static void run(int parts, IntConsumer part) {
        if (parts <= 1) {
            part.accept(0);
            return;
        }
        ForkJoinTask<?>[] others = new ForkJoinTask<?>[parts - 1];
        for (int p = 1; p < parts; p++) {
            int index = p;
            others[p - 1] = Pool.POOL.submit(() -> part.accept(index));
        }
        RuntimeException failure = null;
        try {
            part.accept(0);
        } catch (RuntimeException e) {
            failure = e;
        }
        for (ForkJoinTask<?> task : others) {
            // join, not get: an external joiner may run a part itself if no worker has taken it yet.
            try {
                task.join();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Holder: the pool and ND4J's thread count are looked up on first use only. */
    private static final class Pool {
        static final int PARALLELISM = Math.max(1,
                Math.min(Runtime.getRuntime().availableProcessors(), Nd4j.getEnvironment().maxThreads()));
        static final ForkJoinPool POOL = new ForkJoinPool(Math.max(1, PARALLELISM - 1), pool -> {
            var thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
            thread.setDaemon(true);
            thread.setName("equivariant4j-kernel-" + thread.getPoolIndex());
            return thread;
        }, null, false);

        private Pool() {
        }
    }
}
