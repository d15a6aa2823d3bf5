package org.equivariant4j.benchmarks;

import java.util.concurrent.TimeUnit;

import org.equivariant4j.core.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Large single-precision matrix product (n x n times n x n, 2n^3 flops): where the engine's GEMM
 * kernel, not per-call overhead, decides. GFLOP/s = 2n^3 / time; the driver script converts.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Dorg.bytedeco.javacpp.maxbytes=6G"})
@State(Scope.Thread)
public class GemmBenchmark {
    /** Matrix size. */
    @Param({"1024"})
    public int n;

    private Tensor a;
    private Tensor b;
    private INDArray rawA;
    private INDArray rawB;

    /** Two deterministic n x n matrices. */
    @Setup
    public void setUp() {
        BenchSupport.init();
        a = BenchSupport.det(1, 1.0, n, n);
        b = BenchSupport.det(2, 1.0, n, n);
        rawA = a.unwrap(INDArray.class).dup();
        rawB = b.unwrap(INDArray.class).dup();
    }

    /** {@code Tensor.matmul}, allocating its result. */
    @Benchmark
    public Tensor sgemmTensor() {
        return a.matmul(b);
    }

    /** The baseline: {@code Nd4j.gemm} into a new array. */
    @Benchmark
    public INDArray sgemmNd4jGemm() {
        INDArray out = Nd4j.createUninitialized(rawA.dataType(), new long[] {n, n}, 'c');
        return Nd4j.gemm(rawA, rawB, out, false, false, 1.0, 0.0);
    }
}
