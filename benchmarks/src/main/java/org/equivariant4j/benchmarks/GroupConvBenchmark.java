package org.equivariant4j.benchmarks;

import java.util.concurrent.TimeUnit;

import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.gconv.regular.GroupConv2d;
import org.equivariant4j.groups.CyclicGroup;
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
 * What a regular G-CNN layer costs against a plain convolution, forward and backward (input and parameter
 * gradients from a fixed upstream gradient), batch 16 on 28x28, 3x3 kernels, bias:
 * <ul>
 *   <li>{@code cnn}: a plain convolution 32 → 32 channels (9,248 parameters), the layer run as
 *       {@code GroupConv2d} over the trivial group C1, which is exactly an ordinary convolution;</li>
 *   <li>{@code c4MatchedParameters}: C4, 16 → 16 regular fields = 64 → 64 channels (9,232 parameters): the same
 *       parameter budget buys twice the channels and four times the multiply-adds;</li>
 *   <li>{@code c4MatchedChannels}: C4, 8 → 8 fields = 32 → 32 channels (2,312 parameters): the cost of the
 *       kernel expansion alone (same convolution size as {@code cnn}).</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Dorg.bytedeco.javacpp.maxbytes=6G"})
@State(Scope.Thread)
public class GroupConvBenchmark {
    private GroupConv2d cnn;
    private GroupConv2d c4Wide;
    private GroupConv2d c4Narrow;
    private Tensor x32;
    private Tensor x64;
    private Tensor gy32;
    private Tensor gy64;

    @Setup
    public void setUp() {
        BenchSupport.init();
        cnn = new GroupConv2d(CyclicGroup.of(1), 32, 32, 3, new Rng(1));
        c4Wide = new GroupConv2d(CyclicGroup.of(4), 16, 16, 3, new Rng(2));
        c4Narrow = new GroupConv2d(CyclicGroup.of(4), 8, 8, 3, new Rng(3));
        x32 = BenchSupport.det(1, 1.0, 16, 32, 28, 28).requiresGrad(true);
        x64 = BenchSupport.det(2, 1.0, 16, 64, 28, 28).requiresGrad(true);
        gy32 = BenchSupport.det(3, 1.0, 16, 32, 28, 28);
        gy64 = BenchSupport.det(4, 1.0, 16, 64, 28, 28);
        if (Math.abs(cnn.parameterCount() - c4Wide.parameterCount()) > 0.01 * cnn.parameterCount()) {
            throw new IllegalStateException("parameter counts do not match: " + cnn + " vs " + c4Wide);
        }
    }

    private static Tensor step(GroupConv2d layer, Tensor x, Tensor gy) {
        Tensor y = layer.forward(x);
        y.backward(gy);
        Tensor gx = x.grad();
        x.zeroGrad();
        layer.zeroGrad();
        return gx;
    }

    @Benchmark
    public Tensor cnn() {
        return step(cnn, x32, gy32);
    }

    @Benchmark
    public Tensor c4MatchedParameters() {
        return step(c4Wide, x64, gy64);
    }

    @Benchmark
    public Tensor c4MatchedChannels() {
        return step(c4Narrow, x32, gy32);
    }
}
