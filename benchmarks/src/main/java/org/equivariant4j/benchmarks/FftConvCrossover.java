package org.equivariant4j.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.Supplier;

import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.gconv.ccnn.FftConv;
import org.equivariant4j.gconv.ccnn.Padding;

/**
 * The FFT/direct crossover of {@code FftConv} by CPU time of the calling thread, for a machine other
 * work keeps busy (where JMH's wall time measures the scheduler): causal depthwise 1D convolution
 * of [8, 32, L] fp32, forward and backward, kernels of 16 to L taps, best of 3 rounds of 5 calls.
 * Run with one engine thread: {@code OMP_NUM_THREADS=1 java -cp benchmarks/target/benchmarks.jar
 * org.equivariant4j.benchmarks.FftConvCrossover 784}.
 */
public final class FftConvCrossover {
    private FftConvCrossover() {
    }

    public static void main(String[] args) {
        int length = args.length > 0 ? Integer.parseInt(args[0]) : 784;
        Rng rng = new Rng(1);
        Tensor x = Tensors.randn(rng, DType.FLOAT32, 8, 32, length).requiresGrad(true);
        Tensor gy = Tensors.randn(rng, DType.FLOAT32, 8, 32, length);
        for (int k : new int[] {16, 32, 64, 128, 256, length}) {
            if (k > length) {
                continue;
            }
            Tensor w = Tensors.randn(rng, DType.FLOAT32, 32, 1, k).requiresGrad(true);
            double direct = cpuMillis(() -> step(FftConv.direct(x, w, null, Padding.CAUSAL, true), gy));
            double fft = cpuMillis(() -> step(FftConv.fft(x, w, null, Padding.CAUSAL, true), gy));
            System.out.printf("L=%d taps=%d direct %.2f ms fft %.2f ms (forward+backward, CPU time)%n", length, k, direct, fft);
        }
    }

    private static Tensor step(Tensor y, Tensor gy) {
        y.backward(gy);
        return y;
    }

    private static double cpuMillis(Supplier<Tensor> op) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 3; i++) {
            op.get();
        }
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            long t0 = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < 5; i++) {
                op.get();
            }
            best = Math.min(best, (mx.getCurrentThreadCpuTime() - t0) / 1e6 / 5);
        }
        return best;
    }
}
