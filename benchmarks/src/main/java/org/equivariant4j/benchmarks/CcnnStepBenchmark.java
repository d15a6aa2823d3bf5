package org.equivariant4j.benchmarks;

import java.util.concurrent.TimeUnit;

import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.gconv.ccnn.Ccnn;
import org.equivariant4j.gconv.ccnn.CcnnConfig;
import org.equivariant4j.gconv.ccnn.FftConv;
import org.equivariant4j.gconv.ccnn.Padding;
import org.equivariant4j.nn.loss.CrossEntropyLoss;
import org.equivariant4j.nn.optim.Adam;
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
 * The CCNN workloads of issue #17, side by side with {@code torch/bench_ccnn.py}: one training step
 * (zeroGrad, forward, cross-entropy, backward, Adam) of CCNN-4,140 (4 blocks, 140 channels, FlexConv
 * with MAGNet kernel networks, causal, read at the last step) on [64, 1, 784] sequences, and one
 * causal depthwise {@code fftConv} of [64, 140, 784] with a 784-tap kernel, forward and backward.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-Dorg.bytedeco.javacpp.maxbytes=8G"})
@State(Scope.Thread)
public class CcnnStepBenchmark {
    private Ccnn model;
    private Adam adam;
    private Tensor x;
    private Tensor y;
    private Tensor seq;
    private Tensor kernel;
    private Tensor gy;

    @Setup
    public void setUp() {
        BenchSupport.init();
        CcnnConfig config = CcnnConfig.of(1, 1, 10, 140, 4, Padding.CAUSAL, new int[] {784}, 500.0).withDropout(0.1);
        model = new Ccnn(config, new Rng(1));
        adam = new Adam(model.parameters(), 1e-3);
        x = BenchSupport.det(1, 1.0, 64, 1, 784);
        long[] labels = new long[64];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 10;
        }
        y = Tensors.of(labels, 64);
        seq = BenchSupport.det(2, 1.0, 64, 140, 784).requiresGrad(true);
        kernel = BenchSupport.det(3, 0.05, 140, 1, 784).requiresGrad(true);
        gy = BenchSupport.det(4, 1.0, 64, 140, 784);
    }

    @Benchmark
    public double trainingStep() {
        adam.zeroGrad();
        Tensor loss = new CrossEntropyLoss().compute(model.forward(x), y);
        loss.backward();
        adam.step();
        return loss.item();
    }

    @Benchmark
    public Tensor fftConv784() {
        seq.zeroGrad();
        kernel.zeroGrad();
        Tensor out = FftConv.fft(seq, kernel, null, Padding.CAUSAL, true);
        out.backward(gy);
        return kernel.grad();
    }
}
