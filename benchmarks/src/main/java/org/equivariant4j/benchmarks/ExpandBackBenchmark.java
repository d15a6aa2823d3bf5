package org.equivariant4j.benchmarks;

import java.nio.FloatBuffer;
import java.util.concurrent.TimeUnit;

import org.nd4j.linalg.api.buffer.DataType;
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
 * What the backward of a per-channel {@code mean} costs on the C4 G-CNN step's largest maps: spreading a {@code [16]}
 * gradient over {@code [64, 16, 28, 28]}. {@code nd4jBroadcast} is what the backend's {@code ReductionOps.expandBack}
 * does ({@code reshape} then {@code INDArray.broadcast}); {@code hostFill} writes the same values into a fresh array
 * with a Java loop over its host buffer (a lower bound for a kernel). The profiles of issue 16 found expandBack to
 * be about half of the G-CNN step and a quarter of the SE(3) step.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Dorg.bytedeco.javacpp.maxbytes=6G"})
@State(Scope.Thread)
public class ExpandBackBenchmark {
    private static final long[] SHAPE = {64, 16, 28, 28};
    private INDArray gradient;

    @Setup
    public void setUp() {
        BenchSupport.init();
        gradient = Nd4j.create(BenchSupport.detValues(1, 1.0, 16), new long[] {16}, 'c');
        INDArray a = nd4jBroadcast();
        INDArray b = hostFill();
        if (!a.equals(b)) {
            throw new IllegalStateException("the two ways of spreading the gradient disagree");
        }
    }

    @Benchmark
    public INDArray nd4jBroadcast() {
        return gradient.reshape(1, 16, 1, 1).broadcast(SHAPE);
    }

    @Benchmark
    public INDArray hostFill() {
        INDArray out = Nd4j.createUninitialized(DataType.FLOAT, SHAPE, 'c');
        FloatBuffer buffer = out.data().asNioFloat();
        float[] values = gradient.toFloatVector();
        int plane = (int) (SHAPE[2] * SHAPE[3]);
        int k = 0;
        for (int n = 0; n < SHAPE[0]; n++) {
            for (float v : values) {
                for (int i = 0; i < plane; i++) {
                    buffer.put(k++, v);
                }
            }
        }
        return out;
    }
}
