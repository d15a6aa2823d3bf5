package org.equivariant4j.backend.nd4j;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

import org.nd4j.linalg.factory.Nd4j;

/**
 * The threads the kernels split their work over: the calling thread plus a small pool of daemon
 * helpers, as many in total as ND4J's own thread count (so a kernel never asks for more cores than
 * an ND4J op would), capped at the available processors. A dedicated pool rather than the common
 * one because the common pool has {@code cores - 1} workers (one, on 2 cores) and may be busy with
 * unrelated work; it is created on first use, so loading the backend starts no thread.
 *
 * <p>Every thread, the caller included, claims the next unclaimed part until none is left. So the
 * caller never waits for a helper that has not been scheduled yet (on a busy machine it simply
 * does all the parts itself); it waits only for parts a helper has started. This is what OpenMP's
 * static split with a barrier lacks: there, one descheduled thread stalls the whole op (PyTorch's
 * index_add_ with 2 threads took a median 8-17 ms on the loaded test machine, 0.8-1 ms with 1).
 *
 * <p>Results never depend on the number of threads or parts: every kernel partitions its output so
 * that each output element is written by exactly one part, in a fixed order.
 */
final class KernelThreads {
    private KernelThreads() {
    }

    /** How many threads a kernel may use: ND4J's thread count, at most the processors, at least 1. */
    public static int parallelism() {
        return Pool.PARALLELISM;
    }

    /**
     * How many parts to cut {@code work} units into for {@code threads} threads: one when the work
     * is too small to be worth a second thread ({@code minWorkPerPart}), else up to
     * {@code partsPerThread} per thread. More parts than threads let a thread that starts late find
     * less left to do, but only pay where parts cost nothing extra (contiguous ranges).
     */
    static int parts(long work, long minWorkPerPart, int threads, int partsPerThread) {
        if (threads <= 1) {
            return 1;
        }
        return (int) Math.max(1, Math.min((long) threads * partsPerThread, work / minWorkPerPart));
    }

    /**
     * Runs {@code part.accept(p)} once for every {@code p} in {@code [0, parts)} on up to
     * {@code threads} threads (the caller and {@code threads - 1} helpers), and returns when all
     * parts have finished. The first exception thrown by a part is rethrown here, once all started
     * parts have finished.
     */
    static void run(int parts, int threads, IntConsumer part) {
        int helpers = Math.min(threads, parts) - 1;
        if (helpers <= 0) {
            for (int p = 0; p < parts; p++) {
                part.accept(p);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        CountDownLatch finished = new CountDownLatch(parts);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Runnable claim = () -> {
            for (int p = next.getAndIncrement(); p < parts; p = next.getAndIncrement()) {
                try {
                    part.accept(p);
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                } finally {
                    finished.countDown();
                }
            }
        };
        for (int h = 0; h < helpers; h++) {
            Pool.POOL.execute(claim);
        }
        claim.run();
        boolean interrupted = false;
        while (true) {
            try {
                finished.await();
                break;
            } catch (InterruptedException e) {
                // The parts write into memory the caller owns: never return while one is still running.
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure.get() != null) {
            throw failure.get();
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
        }, null, true);

        private Pool() {
        }
    }
}
