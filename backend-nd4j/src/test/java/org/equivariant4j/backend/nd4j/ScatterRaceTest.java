package org.equivariant4j.backend.nd4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The scatter-style ops ({@code segmentSum}, {@code indexAdd} along both dimensions, and the
 * backward of {@code indexSelect}) against a plain-Java reference, on inputs where every index
 * repeats about ten times, with ND4J limited to 2 native threads and two seeds running at once so
 * both cores are busy.
 *
 * <p>The shape is the one at which ND4J's {@code ScatterAdd} lost updates (PERFORMANCE.md:
 * [20000, 64] into 2000 segments; on this machine type it returned a wrong sum in about 1 of 8
 * calls, and never at shapes a few times smaller). Each seed makes four scatters, so an
 * implementation that raced like that would fail this test with high probability. Values are small
 * integers, so every correct float sum is exact in any order of addition: any difference at all
 * is a lost or doubled update, not rounding.
 */
class ScatterRaceTest {
    private static final int ROWS = 20_000;
    private static final int COLS = 64;
    private static final int SEGMENTS = 2_000;
    private static final long[] SEEDS = {101, 202, 303, 404};

    private static int savedMaxThreads;
    private static int savedMaxMasterThreads;

    @BeforeAll
    static void twoNativeThreads() {
        savedMaxThreads = Nd4j.getEnvironment().maxThreads();
        savedMaxMasterThreads = Nd4j.getEnvironment().maxMasterThreads();
        Nd4j.getEnvironment().setMaxThreads(2);
        Nd4j.getEnvironment().setMaxMasterThreads(2);
    }

    @AfterAll
    static void restoreThreads() {
        Nd4j.getEnvironment().setMaxThreads(savedMaxThreads);
        Nd4j.getEnvironment().setMaxMasterThreads(savedMaxMasterThreads);
    }

    @Test
    void scattersWithManyDuplicateIndicesLoseNoUpdates() throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (long seed : SEEDS) {
                runs.add(pool.submit(() -> checkSeed(seed)));
            }
            for (Future<?> run : runs) {
                try {
                    run.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof AssertionError failure) {
                        throw failure;
                    }
                    throw new AssertionError("a scatter check threw", e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void checkSeed(long seed) {
        Rng rng = new Rng(seed);
        float[] data = smallIntegers(rng, ROWS * COLS);
        float[] base = smallIntegers(rng, SEGMENTS * COLS);
        long[] ids = new long[ROWS];
        for (int i = 0; i < ROWS; i++) {
            ids[i] = rng.nextInt(SEGMENTS);
        }

        float[] sums = new float[SEGMENTS * COLS];
        for (int i = 0; i < ROWS; i++) {
            for (int j = 0; j < COLS; j++) {
                sums[(int) ids[i] * COLS + j] += data[i * COLS + j];
            }
        }
        float[] basePlusSums = new float[sums.length];
        float[] basePlusSumsTransposed = new float[sums.length];
        for (int s = 0; s < SEGMENTS; s++) {
            for (int j = 0; j < COLS; j++) {
                basePlusSums[s * COLS + j] = base[s * COLS + j] + sums[s * COLS + j];
                basePlusSumsTransposed[j * SEGMENTS + s] = basePlusSums[s * COLS + j];
            }
        }

        Tensor x = Tensors.of(data, ROWS, COLS);
        Tensor index = Tensors.of(ids, ROWS);
        Tensor a = Tensors.of(base, SEGMENTS, COLS);

        assertSame("segmentSum", seed, sums, x.segmentSum(index, SEGMENTS).toFloatArray());
        assertSame("indexAdd along dim 0", seed, basePlusSums, a.indexAdd(0, index, x).toFloatArray());
        assertSame("indexAdd along dim 1 (transposed views)", seed, basePlusSumsTransposed,
                a.transpose(0, 1).indexAdd(1, index.to(DType.INT32), x.transpose(0, 1)).toFloatArray());

        // d/dw sum(indexSelect(w, index) * x) = the segment sums of x: the backward scatter.
        Tensor w = Tensors.zeros(SEGMENTS, COLS).requiresGrad(true);
        w.indexSelect(0, index).mul(x).sum().backward();
        assertSame("indexSelect backward", seed, sums, w.grad().toFloatArray());
    }

    /** Integers in [-3, 3] as floats: sums stay exact in float32. */
    private static float[] smallIntegers(Rng rng, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextInt(7) - 3;
        }
        return v;
    }

    /** Exact equality, reported as a count and the first difference rather than a million-entry dump. */
    private static void assertSame(String what, long seed, float[] expected, float[] actual) {
        assertThat(actual.length).as("%s (seed %d): number of entries", what, seed).isEqualTo(expected.length);
        int wrong = 0;
        int first = -1;
        for (int i = 0; i < expected.length; i++) {
            if (expected[i] != actual[i]) {
                wrong++;
                first = first < 0 ? i : first;
            }
        }
        if (wrong > 0) {
            throw new AssertionError(what + " (seed " + seed + "): " + wrong + " of " + expected.length
                    + " entries differ from the reference; first at flat index " + first + ": expected " + expected[first]
                    + " but was " + actual[first]);
        }
    }
}
