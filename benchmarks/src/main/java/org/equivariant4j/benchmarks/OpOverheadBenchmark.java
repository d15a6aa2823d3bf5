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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a small op costs through {@link Tensor} against the same work in raw ND4J: the price of the
 * autodiff bookkeeping (shape checks, the {@code record} call and, with gradients on, the graph
 * node and backward closure). Every variant allocates its result, as a layer's op does.
 *
 * <p>"Grad off" means the inputs do not require a gradient, so no node is recorded (inference);
 * "grad on" means they do, so each call also builds a node (training forward). No backward runs
 * here. The bar: less than 25% over raw ND4J.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Dorg.bytedeco.javacpp.maxbytes=6G"})
@State(Scope.Thread)
public class OpOverheadBenchmark {
    private Tensor a;
    private Tensor b;
    private Tensor w;
    private Tensor aGrad;
    private Tensor bGrad;
    private Tensor wGrad;
    private INDArray rawA;
    private INDArray rawB;
    private INDArray rawW;

    /** Builds [32,64] operands and a [64,64] right matrix, with and without gradients. */
    @Setup
    public void setUp() {
        BenchSupport.init();
        a = BenchSupport.det(1, 1.0, 32, 64);
        b = BenchSupport.det(2, 1.0, 32, 64);
        w = BenchSupport.det(3, 0.125, 64, 64);
        aGrad = BenchSupport.det(1, 1.0, 32, 64).requiresGrad(true);
        bGrad = BenchSupport.det(2, 1.0, 32, 64).requiresGrad(true);
        wGrad = BenchSupport.det(3, 0.125, 64, 64).requiresGrad(true);
        // Separate arrays, so the raw baseline shares no cache state with the Tensor variants.
        rawA = a.unwrap(INDArray.class).dup();
        rawB = b.unwrap(INDArray.class).dup();
        rawW = w.unwrap(INDArray.class).dup();
    }

    /** {@code Tensor.add}, no graph recorded. */
    @Benchmark
    public Tensor addTensorGradOff() {
        return a.add(b);
    }

    /** {@code Tensor.add} recording a node. */
    @Benchmark
    public Tensor addTensorGradOn() {
        return aGrad.add(bGrad);
    }

    /** The baseline: {@code INDArray.add} into a new array. */
    @Benchmark
    public INDArray addNd4j() {
        return rawA.add(rawB);
    }

    /** {@code Tensor.matmul} [32,64]x[64,64], no graph recorded. */
    @Benchmark
    public Tensor matmulTensorGradOff() {
        return a.matmul(w);
    }

    /** {@code Tensor.matmul} recording a node. */
    @Benchmark
    public Tensor matmulTensorGradOn() {
        return aGrad.matmul(wGrad);
    }

    /**
     * The baseline: direct BLAS through {@code Nd4j.gemm} into a freshly allocated result (the
     * fastest way ND4J offers; {@code INDArray.mmul} is 2-14x slower, PERFORMANCE.md).
     */
    @Benchmark
    public INDArray matmulNd4jGemm() {
        INDArray out = Nd4j.createUninitialized(rawA.dataType(), new long[] {rawA.size(0), rawW.size(1)}, 'c');
        return Nd4j.gemm(rawA, rawW, out, false, false, 1.0, 0.0);
    }
}
