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
 * 3D convolution forward and backward: input [8,4,32,32,32], 8 output channels, 3x3x3 kernel,
 * padding 1, bias; the backward takes a fixed upstream gradient (as {@code torch/bench_torch.py}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Dorg.bytedeco.javacpp.maxbytes=6G"})
@State(Scope.Thread)
public class Conv3dBenchmark {
    /**
     * libnd4j conv3dnew integer arguments: kernel, stride, padding, dilation (D, H, W each), padding
     * mode (0: explicit), data format (0: NCDHW), weight format (1: [out, in, kD, kH, kW]).
     */
    private static final int[] CONV_IARGS = {3, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1};

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
        x = BenchSupport.det(5, 1.0, 8, 4, 32, 32, 32).requiresGrad(true);
        w = BenchSupport.det(6, 0.1, 8, 4, 3, 3, 3).requiresGrad(true);
        b = BenchSupport.det(7, 1.0, 8).requiresGrad(true);
        gy = BenchSupport.det(8, 1.0, 8, 8, 32, 32, 32);
        spec = ConvSpec.of(3).withPadding(1);
        rawX = x.unwrap(INDArray.class).dup();
        rawW = w.unwrap(INDArray.class).dup();
        rawB = b.unwrap(INDArray.class).dup();
        rawGy = gy.unwrap(INDArray.class).dup();
        INDArray[] raw = convFwdBwdNd4j();
        Tensor y = x.conv(w, b, spec);
        y.backward(gy);
        BaselineCheck.requireClose("conv3d output", y.unwrap(INDArray.class), raw[0], 1e-4);
        BaselineCheck.requireClose("conv3d input gradient", x.grad().unwrap(INDArray.class), raw[1], 1e-4);
        BaselineCheck.requireClose("conv3d weight gradient", w.grad().unwrap(INDArray.class), raw[2], 1e-4);
        x.zeroGrad();
        w.zeroGrad();
        b.zeroGrad();
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

    /** The baseline: libnd4j's {@code conv3dnew} and {@code conv3dnew_bp} ops called directly. */
    @Benchmark
    public INDArray[] convFwdBwdNd4j() {
        INDArray[] y = Nd4j.exec(DynamicCustomOp.builder("conv3dnew").addInputs(rawX, rawW, rawB)
                .addIntegerArguments(CONV_IARGS).build());
        INDArray[] grads = Nd4j.exec(DynamicCustomOp.builder("conv3dnew_bp").addInputs(rawX, rawW, rawB, rawGy)
                .addIntegerArguments(CONV_IARGS).build());
        return new INDArray[] {y[0], grads[0], grads[1], grads[2]};
    }
}
