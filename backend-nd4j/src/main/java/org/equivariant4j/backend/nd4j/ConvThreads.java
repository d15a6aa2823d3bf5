package org.equivariant4j.backend.nd4j;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.IntConsumer;

import org.nd4j.linalg.factory.Nd4j;

/**
 * The threads the convolution kernels split their loops over: the calling thread plus daemon
 * workers, as many in total as ND4J's thread count (capped at the processors), so the Java loops
 * between two GEMMs use the cores the GEMMs use and no more. Its own pool rather than the common
 * one, which has one worker on two cores and may be busy with unrelated work; created on first
 * use, so loading the backend starts no thread.
 *
 * <p>Every kernel gives each part a disjoint set of outputs in a fixed split, so results do not
 * depend on the number of threads or on scheduling.
 */
final class ConvThreads {
    /** Below this many elements a job runs on the calling thread: handing work over costs more. */
    static final long PARALLEL_THRESHOLD = 1 << 15;

    private ConvThreads() {
    }

    /** The number of parts work is split into. */
    static int parallelism() {
        return Pool.PARALLELISM;
    }

    /**
     * Runs {@code body.accept(p)} for each {@code p} in {@code [0, parts)}, part 0 on the calling
     * thread, and returns when all have finished; the first failure is rethrown, later ones are
     * attached to it as suppressed.
     */
    static void run(int parts, IntConsumer body) {
        if (parts <= 1) {
            body.accept(0);
            return;
        }
        ForkJoinTask<?>[] others = new ForkJoinTask<?>[parts - 1];
        for (int p = 1; p < parts; p++) {
            int part = p;
            others[p - 1] = Pool.POOL.submit(() -> body.accept(part));
        }
        RuntimeException failure = null;
        try {
            body.accept(0);
        } catch (RuntimeException e) {
            failure = e;
        }
        for (ForkJoinTask<?> task : others) {
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

    /**
     * Splits {@code [0, n)} into at most {@link #parallelism()} contiguous ranges of near-equal
     * size and runs {@code body.accept(from, to)} on each, in parallel; or all of it on the calling
     * thread when the job touches fewer than {@link #PARALLEL_THRESHOLD} {@code elements}.
     */
    static void forRange(int n, long elements, RangeBody body) {
        int parts = elements < PARALLEL_THRESHOLD ? 1 : Math.max(1, Math.min(parallelism(), n));
        run(parts, p -> body.accept((int) ((long) n * p / parts), (int) ((long) n * (p + 1) / parts)));
    }

    /** The work on one range {@code [from, to)} of {@link #forRange}. */
    @FunctionalInterface
    interface RangeBody {
        void accept(int from, int to);
    }

    /** Holder: the pool and ND4J's thread count are looked up on first use only. */
    private static final class Pool {
        static final int PARALLELISM = Math.max(1,
                Math.min(Runtime.getRuntime().availableProcessors(), Nd4j.getEnvironment().maxThreads()));
        static final ForkJoinPool POOL = new ForkJoinPool(Math.max(1, PARALLELISM - 1), pool -> {
            var thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
            thread.setDaemon(true);
            thread.setName("equivariant4j-conv-" + thread.getPoolIndex());
            return thread;
        }, null, false);

        private Pool() {
        }
    }
}
