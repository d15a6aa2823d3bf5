package org.equivariant4j.benchmarks;

import java.util.concurrent.TimeUnit;

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
 * One training step of a 3-layer MLP (256 -> 256 -> 256 -> 10, ReLU), batch 256: forward,
 * cross-entropy, backward, Adam. The framework's version uses the {@code nn} module; the baseline
 * is the same step written by hand in raw ND4J ({@link RawNd4jMlp}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Dorg.bytedeco.javacpp.maxbytes=6G"})
@State(Scope.Thread)
public class MlpTrainStepBenchmark {
    /** Input features and hidden width. */
    public static final int WIDTH = 256;
    /** Rows per batch. */
    public static final int BATCH = 256;
    /** Output classes. */
    public static final int CLASSES = 10;
    /** Adam's learning rate (PyTorch's default). */
    public static final double LR = 1e-3;

    private RawNd4jMlp raw;
    private INDArray rawX;
    private INDArray rawTarget;

    /** A fixed deterministic batch and freshly initialised models. */
    @Setup
    public void setUp() {
        BenchSupport.init();
        raw = new RawNd4jMlp(WIDTH, WIDTH, CLASSES, LR);
        rawX = Nd4j.create(BenchSupport.detValues(1, 1.0, BATCH, WIDTH), new long[] {BATCH, WIDTH}, 'c');
        rawTarget = RawNd4jMlp.oneHot(BenchSupport.labels(5, CLASSES, BATCH).toLongArray(), CLASSES);
    }

    /** The baseline: hand-written forward/backward and ND4J's fused Adam. */
    @Benchmark
    public double trainStepNd4j() {
        return raw.step(rawX, rawTarget);
    }
}
