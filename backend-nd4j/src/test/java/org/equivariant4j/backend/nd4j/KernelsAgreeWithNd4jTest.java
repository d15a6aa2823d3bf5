package org.equivariant4j.backend.nd4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.shape.Gather;
import org.nd4j.linalg.api.ops.impl.transforms.segment.UnsortedSegmentMax;
import org.nd4j.linalg.api.ops.impl.transforms.segment.UnsortedSegmentSum;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The kernels against the ND4J ops they replace (the portable path), on random shapes, dtypes,
 * index types and memory layouts ({@link RandomIndexCase}), with many duplicate indices and empty
 * segments. Small-integer inputs must agree bit for bit; gaussian ones within a tight tolerance
 * (in practice they agree exactly too: both add in row order). Each kernel must also give the same
 * bits with 1, 2 and 3 parts, and with two Java threads calling at once while ND4J runs its own
 * 2-thread pool.
 */
class KernelsAgreeWithNd4jTest {
    private static final int CASES = 60;
    private static final int LARGE_CASES = 8;

    private static int savedMaxThreads;

    @BeforeAll
    static void twoNativeThreads() {
        savedMaxThreads = Nd4j.getEnvironment().maxThreads();
        Nd4j.getEnvironment().setMaxThreads(2);
    }

    @AfterAll
    static void restoreThreads() {
        Nd4j.getEnvironment().setMaxThreads(savedMaxThreads);
    }

    @TestFactory
    Stream<DynamicTest> randomCases() {
        return cases().map(c -> DynamicTest.dynamicTest(c.toString(), () -> check(c)));
    }

    @Test
    void twoJavaThreadsAtOnceWhileNd4jUsesItsPool() throws InterruptedException {
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> runs = new ArrayList<>();
            cases().forEach(c -> runs.add(callers.submit(() -> check(c))));
            for (Future<?> run : runs) {
                try {
                    run.get();
                } catch (ExecutionException e) {
                    throw new AssertionError(e.getCause().getMessage(), e.getCause());
                }
            }
        } finally {
            callers.shutdownNow();
        }
    }

    private static Stream<RandomIndexCase> cases() {
        return Stream.concat(LongStream.range(0, CASES).mapToObj(seed -> RandomIndexCase.of(seed, false)),
                LongStream.range(1000, 1000 + LARGE_CASES).mapToObj(seed -> RandomIndexCase.of(seed, true)));
    }

    private static void check(RandomIndexCase c) {
        INDArray sum = agreeForAnyParallelism(c, "segment sum", p -> SegmentSumKernel.sum(c.data(), c.dim(), c.index(), c.size(), p));
        Values.assertClose(c + ": segment sum vs unsorted_segment_sum", nd4jSum(c), sum, c.exact());

        INDArray gathered = agreeForAnyParallelism(c, "gather", p -> RowGatherKernel.gather(c.data(), c.dim(), c.index(), p));
        Values.assertClose(c + ": gather vs Gather", Nd4j.exec(new Gather(c.data(), c.index(), c.dim()))[0], gathered, true);

        IndexRange range = IndexRange.of(c.index());
        INDArray flat = c.index().reshape(c.index().length());
        assertThat(range).as("%s: index range vs ND4J's min/max/argMin/argMax", c).isEqualTo(new IndexRange(flat.minNumber().longValue(),
                Nd4j.argMin(flat, 0).getLong(0), flat.maxNumber().longValue(), Nd4j.argMax(flat, 0).getLong(0)));

        if (c.dim() == 0) {
            INDArray max = agreeForAnyParallelism(c, "segment max", p -> SegmentMaxKernel.maxRows(c.data(), c.index(), c.size(), p));
            Values.assertClose(c + ": segment max vs unsorted_segment_max",
                    Nd4j.exec(new UnsortedSegmentMax(c.data(), c.index(), c.size()))[0], max, true);
        }
    }

    /** What {@code Scatter} ran before the kernels: the ND4J op on the indexed dimension moved to the front. */
    private static INDArray nd4jSum(RandomIndexCase c) {
        int rank = c.data().rank();
        int[] toFront = new int[rank];
        toFront[0] = c.dim();
        for (int d = 0, k = 1; d < rank; d++) {
            if (d != c.dim()) {
                toFront[k++] = d;
            }
        }
        int[] back = new int[rank];
        for (int d = 0; d < rank; d++) {
            back[toFront[d]] = d;
        }
        return Nd4j.exec(new UnsortedSegmentSum(c.data().permute(toFront), c.index(), c.size()))[0].permute(back);
    }

    private interface Kernel {
        INDArray run(int parallelism);
    }

    /** The kernel's result with 1 part, after checking that 2 and 3 parts give the same bits and shape. */
    private static INDArray agreeForAnyParallelism(RandomIndexCase c, String what, Kernel kernel) {
        INDArray one = kernel.run(1);
        assertThat(NativeMemory.isDense(one)).as("%s: %s result is dense", c, what).isTrue();
        for (int parallelism = 2; parallelism <= 3; parallelism++) {
            Values.assertClose(c + ": " + what + " with " + parallelism + " parts vs 1", one, kernel.run(parallelism), true);
        }
        return one;
    }

    @Test
    void signedZerosNaNsAndEmptySegmentsMatchLibnd4j() {
        for (DataType dtype : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            // Segment 0: a NaN first, then 5. Segment 2: -0.0 then NaN; -0.0 and -0.0. Segments 1 and 3 empty.
            INDArray x = Nd4j.createFromArray(new double[][] {{Double.NaN, 1, -0.0}, {5, 2, 0.0}, {-0.0, Double.NaN, -0.0},
                {Double.NaN, -0.0, -0.0}}).castTo(dtype);
            INDArray ids = Nd4j.createFromArray(0L, 0L, 2L, 2L);
            Values.assertClose(dtype + " sums", Nd4j.exec(new UnsortedSegmentSum(x, ids, 4))[0], SegmentSumKernel.sum(x, 0, ids, 4, 1),
                    true);
            Values.assertClose(dtype + " maxima", Nd4j.exec(new UnsortedSegmentMax(x, ids, 4))[0],
                    SegmentMaxKernel.maxRows(x, ids, 4, 1), true);
        }
    }

    @Test
    void anOutOfRangeIndexIsAnExceptionNotAStrayWrite() {
        INDArray x = Nd4j.rand(DataType.FLOAT, 5, 3);
        INDArray bad = Nd4j.createFromArray(0, 1, 4, 2, 0);
        assertThatThrownBy(() -> SegmentSumKernel.sum(x, 0, bad, 4, 2)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("segment id 4 at position 2 is out of range [0, 4)");
        assertThatThrownBy(() -> SegmentMaxKernel.maxRows(x, Nd4j.createFromArray(0L, -1L, 0L, 0L, 0L), 4, 2))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("-1 at position 1");
        assertThatThrownBy(() -> RowGatherKernel.gather(x, 1, Nd4j.createFromArray(3), 2)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("index 3 at position 0 is out of range [0, 3)");
    }

    @Test
    void emptyInputsGiveEmptyOrZeroResults() {
        INDArray none = Nd4j.create(DataType.FLOAT, 0, 3);
        INDArray noIds = Nd4j.create(DataType.LONG, 0);
        assertThat(SegmentSumKernel.sum(none, 0, noIds, 2, 2).shape()).containsExactly(2, 3);
        assertThat(SegmentSumKernel.sum(none, 0, noIds, 2, 2).sumNumber().doubleValue()).isZero();
        assertThat(RowGatherKernel.gather(Nd4j.rand(DataType.FLOAT, 4, 3), 0, noIds, 2).shape()).containsExactly(0, 3);
        assertThat(SegmentSumKernel.sum(Nd4j.rand(DataType.FLOAT, 2, 3), 0, Nd4j.createFromArray(0, 0), 0, 2).shape())
                .containsExactly(0, 3);
    }
}
