package org.equivariant4j.benchmarks;

import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What every benchmark shares: the thread count and deterministic inputs.
 *
 * <p>The thread count must be the same on both sides of a comparison (PERFORMANCE.md): 2 by
 * default, overridable with {@code -Dbench.threads=N}. ND4J reads {@code OMP_NUM_THREADS} when its
 * natives load, so the driver script exports it too; setting the ND4J environment here makes a
 * plain {@code java -jar benchmarks.jar} agree with the driver.
 */
public final class BenchSupport {
    /** Threads for ND4J's OpenMP pool and for BLAS. */
    public static final int THREADS = Integer.getInteger("bench.threads", 2);

    private BenchSupport() {
    }

    /** Loads the backend (through the first tensor) and pins ND4J's thread counts. Idempotent. */
    public static void init() {
        Tensors.zeros(1);
        Nd4j.getEnvironment().setMaxThreads(THREADS);
        Nd4j.getEnvironment().setMaxMasterThreads(THREADS);
    }

    /**
     * The same deterministic fill as {@code torch/bench_torch.py}'s {@code det()}: entry i (row-major)
     * is {@code (((i * 7919 + seed * 104729) mod 2001) / 1000 - 1) * scale}, so both sides compute
     * on identical values without sharing files or random generators.
     */
    public static float[] detValues(int seed, double scale, int... shape) {
        int n = Tensors.numel(shape);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            long r = ((long) i * 7919L + (long) seed * 104729L) % 2001L;
            v[i] = (float) ((r / 1000.0 - 1.0) * scale);
        }
        return v;
    }

    /** A FLOAT32 leaf filled by {@link #detValues}. */
    public static Tensor det(int seed, double scale, int... shape) {
        return Tensors.of(detValues(seed, scale, shape), shape);
    }

    /** Integer class labels in [0, classes), deterministic. */
    public static Tensor labels(int seed, int classes, int n) {
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            v[i] = ((long) i * 7919L + (long) seed * 104729L) % classes;
        }
        return Tensors.of(v, n);
    }
}
