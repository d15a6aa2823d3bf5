package org.equivariant4j.benchmarks;

import java.util.concurrent.TimeUnit;

import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.gconv.ccnn.FftConv;
import org.equivariant4j.gconv.ccnn.Padding;
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
 * The crossover of {@code layers-gconv/ccnn}'s {@link FftConv}: a causal depthwise 1D convolution
 * of [8, 32, 784] (fp32, sequential-MNIST length) with kernels of 16 to 784 taps, forward and backward to input and kernel,
 * through the engine's direct convolution and through {@code rfft}/{@code irfft}. The kernel size
 * where the FFT route becomes faster is {@code FftConv.FFT_MIN_KERNEL_TAPS}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Dorg.bytedeco.javacpp.maxbytes=6G"})
@State(Scope.Thread)
public class FftConvBenchmark {
    @Param({"16", "64", "128", "256", "784"})
    public int kernel;

    @Param({"direct", "fft"})
    public String route;

    private Tensor x;
    private Tensor w;
    private Tensor gy;

    @Setup
    public void setUp() {
        BenchSupport.init();
        x = BenchSupport.det(1, 1.0, 8, 32, 784).requiresGrad(true);
        w = BenchSupport.det(2, 0.1, 32, 1, kernel).requiresGrad(true);
        gy = BenchSupport.det(3, 1.0, 8, 32, 784);
    }

    @Benchmark
    public Tensor depthwiseCausalForwardBackward() {
        x.zeroGrad();
        w.zeroGrad();
        Tensor y = "fft".equals(route) ? FftConv.fft(x, w, null, Padding.CAUSAL, true) : FftConv.direct(x, w, null, Padding.CAUSAL,
                true);
        y.backward(gy);
        return w.grad();
    }
}
