package org.equivariant4j.benchmarks;

import java.util.concurrent.TimeUnit;

import org.equivariant4j.core.tensor.ConvSpec;
import org.equivariant4j.core.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
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
 * 2D convolution forward and backward: input [64,8,28,28], 16 output channels, 3x3 kernel,
 * padding 1, bias; the backward takes a fixed upstream gradient and produces the gradients of
 * input, weight and bias (as {@code torch/bench_torch.py} does).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Dorg.bytedeco.javacpp.maxbytes=6G"})
@State(Scope.Thread)
public class Conv2dBenchmark {
    /**
     * libnd4j conv2d integer arguments: kH, kW, sH, sW, pH, pW, dH, dW, same-mode (0: explicit
     * padding), data format (0: NCHW), weight format (1: [out, in, kH, kW], PyTorch's layout).
     */
    private static final int[] CONV_IARGS = {3, 3, 1, 1, 1, 1, 1, 1, 0, 0, 1};

    private Tensor x;
    private Tensor w;
    private Tensor b;
    private Tensor gy;
    private ConvSpec spec;
    private INDArray rawX;
    private INDArray rawW;
    private INDArray rawB;
    private INDArray rawGy;

    /** Deterministic input, weight, bias and upstream gradient (same fill as the PyTorch side). */
    @Setup
    public void setUp() {
        BenchSupport.init();
        x = BenchSupport.det(1, 1.0, 64, 8, 28, 28).requiresGrad(true);
        w = BenchSupport.det(2, 0.1, 16, 8, 3, 3).requiresGrad(true);
        b = BenchSupport.det(3, 1.0, 16).requiresGrad(true);
        gy = BenchSupport.det(4, 1.0, 64, 16, 28, 28);
        spec = ConvSpec.of(2).withPadding(1);
        rawX = x.unwrap(INDArray.class).dup();
        rawW = w.unwrap(INDArray.class).dup();
        rawB = b.unwrap(INDArray.class).dup();
        rawGy = gy.unwrap(INDArray.class).dup();
        checkSameResults();
    }

    /**
     * Refuses to time two different computations: the framework's output and weight gradient
     * must match the raw ops' (the layouts and argument lists are easy to get subtly wrong).
     */
    private void checkSameResults() {
        INDArray[] raw = convFwdBwdNd4j();
        Tensor y = x.conv(w, b, spec);
        y.backward(gy);
        compare("output", y.unwrap(INDArray.class), raw[0]);
        compare("weight gradient", w.grad().unwrap(INDArray.class), raw[2]);
        compare("input gradient", x.grad().unwrap(INDArray.class), raw[1]);
        x.zeroGrad();
        w.zeroGrad();
        b.zeroGrad();
    }

    private static void compare(String what, INDArray ours, INDArray raw) {
        double scale = Math.max(1.0, raw.amaxNumber().doubleValue());
        double diff = ours.sub(raw).amaxNumber().doubleValue();
        if (diff > 1e-4 * scale) {
            throw new IllegalStateException("conv2d " + what + " differs from libnd4j's by " + diff);
        }
    }

    /** Forward, backward from {@code gy}, then clear the gradients (as PyTorch's {@code grad = None}). */
    @Benchmark
    public Tensor convFwdBwdTensor() {
        Tensor y = x.conv(w, b, spec);
        y.backward(gy);
        Tensor gw = w.grad();
        x.zeroGrad();
        w.zeroGrad();
        b.zeroGrad();
        return gw;
    }

    /** The baseline: libnd4j's {@code conv2d} and {@code conv2d_bp} ops called directly. */
    @Benchmark
    public INDArray[] convFwdBwdNd4j() {
        INDArray[] y = Nd4j.exec(DynamicCustomOp.builder("conv2d").addInputs(rawX, rawW, rawB)
                .addIntegerArguments(CONV_IARGS).build());
        INDArray[] grads = Nd4j.exec(DynamicCustomOp.builder("conv2d_bp").addInputs(rawX, rawW, rawB, rawGy)
                .addIntegerArguments(CONV_IARGS).build());
        return new INDArray[] {y[0], grads[0], grads[1], grads[2]};
    }
}
