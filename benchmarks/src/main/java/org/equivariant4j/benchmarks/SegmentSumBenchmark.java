package org.equivariant4j.benchmarks;

import java.util.concurrent.TimeUnit;

import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.transforms.segment.UnsortedSegmentSum;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Message aggregation: 20,000 rows of 64 summed into 2,000 segments by random (unsorted,
 * repeating) ids, forward and backward from a fixed upstream gradient. PyTorch's side is
 * {@code zeros(2000, 64).index_add(0, ids, x)}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Dorg.bytedeco.javacpp.maxbytes=6G"})
@State(Scope.Thread)
public class SegmentSumBenchmark {
    /** Rows summed. */
    public static final int ROWS = 20_000;
    /** Segments (output rows). */
    public static final int SEGMENTS = 2_000;
    /** Row width. */
    public static final int WIDTH = 64;

    private Tensor x;
    private Tensor ids;
    private Tensor gy;
    private INDArray rawX;
    private INDArray rawIds;
    private INDArray rawGy;

    /** The ids of bench_torch.py: {@code (i * 48271 + 11) mod 2000}, every segment hit ~10 times, unsorted. */
    public static long[] segmentIds() {
        long[] v = new long[ROWS];
        for (int i = 0; i < ROWS; i++) {
            v[i] = ((long) i * 48271L + 11L) % SEGMENTS;
        }
        return v;
    }

    /** Deterministic rows, ids and upstream gradient. */
    @Setup
    public void setUp() {
        BenchSupport.init();
        x = BenchSupport.det(8, 1.0, ROWS, WIDTH).requiresGrad(true);
        ids = Tensors.of(segmentIds(), ROWS);
        gy = BenchSupport.det(9, 1.0, SEGMENTS, WIDTH);
        rawX = x.unwrap(INDArray.class).dup();
        rawIds = ids.unwrap(INDArray.class).dup();
        rawGy = gy.unwrap(INDArray.class).dup();
        INDArray[] raw = fwdBwdNd4j();
        Tensor y = x.segmentSum(ids, SEGMENTS);
        y.backward(gy);
        BaselineCheck.requireClose("segment sum", y.unwrap(INDArray.class), raw[0], 1e-5);
        BaselineCheck.requireClose("segment sum gradient", x.grad().unwrap(INDArray.class), raw[1], 1e-6);
        x.zeroGrad();
    }

    /** Forward, backward from {@code gy}, then clear the gradient. */
    @Benchmark
    public Tensor fwdBwdTensor() {
        Tensor y = x.segmentSum(ids, SEGMENTS);
        y.backward(gy);
        Tensor g = x.grad();
        x.zeroGrad();
        return g;
    }

    /** The baseline: libnd4j's {@code unsorted_segment_sum} and, for the backward, its row {@code gather}. */
    @Benchmark
    public INDArray[] fwdBwdNd4j() {
        INDArray y = Nd4j.exec(new UnsortedSegmentSum(rawX, rawIds, SEGMENTS))[0];
        INDArray g = Nd4j.exec(DynamicCustomOp.builder("gather").addInputs(rawGy, rawIds).addIntegerArguments(0).build())[0];
        return new INDArray[] {y, g};
    }
}
