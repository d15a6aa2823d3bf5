package org.equivariant4j.backend.nd4j;

import java.lang.ref.Reference;
import java.util.Arrays;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Sums (and means) over any set of axes on host memory in Java, one pass over the input in its
 * memory order. ND4J reduces over non-trailing axes by "tensor along dimension" sub-arrays, with
 * per-call set-up of 15-40 µs and strided access: a batch norm's per-channel mean over axes
 * {0, 2, 3} of [64,16,28,28] is such a reduction. Here the input is walked in row-major order
 * ({@link StridedWalk}, merged dimensions); a run along a reduced axis is summed into one value, a
 * run along a kept axis is added element-wise into the accumulators. Accumulation is in double
 * precision (float32 is rounded once, at the end), so the result is at least as accurate as ND4J's
 * float32 accumulation; {@code ElementwisePathsAgreeTest} compares both paths. Sums start from
 * {@code -0.0}, the exact additive identity, so a sum of zeros keeps the sign ND4J's gives it.
 *
 * <p>One thread: the accumulators are shared by the whole walk, and the sums these kernels see in
 * training (batch statistics, bias gradients) read a few megabytes, well under a millisecond.
 */
final class SumKernel {
    private static final int CHUNK = 1024;
    /** Most accumulators (output elements) the kernel takes: beyond it ND4J's reduction is used. */
    static final long MAX_OUTPUT = 1 << 22;

    private static final ThreadLocal<double[]> STAGE = ThreadLocal.withInitial(() -> new double[CHUNK]);
    private static final ThreadLocal<float[]> STAGE_F = ThreadLocal.withInitial(() -> new float[CHUNK]);

    private SumKernel() {
    }

    /** Whether the kernel handles {@code x} reduced to {@code outputLength} elements. */
    static boolean supports(INDArray x, long outputLength) {
        return ElementwiseKernel.supports(x) && outputLength <= MAX_OUTPUT;
    }

    /**
     * {@code scale} times the sum of {@code x} over {@code axes} (sorted, distinct), as a new dense
     * array of the kept shape (reduced axes of size 1).
     */
    static INDArray sum(INDArray x, int[] axes, double scale) {
        return sum(x, axes, scale, null);
    }

    /**
     * {@code scale} times the sum of {@code (x - center)^2} over {@code axes}, {@code center} a dense
     * array of the kept shape broadcast over them (a mean), as a new dense array of the kept shape:
     * a variance in one pass, with no full-size temporary. With {@code center} null: the plain sum.
     */
    static INDArray sum(INDArray x, int[] axes, double scale, INDArray center) {
        long[] shape = x.shape();
        long[] kept = ReductionOps.keptShape(shape, axes);
        long[] keptStrides = new long[kept.length];
        long n = 1;
        for (int d = kept.length - 1; d >= 0; d--) {
            keptStrides[d] = n;
            n *= kept[d];
        }
        double[] acc = new double[Math.toIntExact(n)];
        // -0.0 is the exact additive identity: a sum of one -0.0 stays -0.0, as on ND4J's path.
        Arrays.fill(acc, -0.0);
        double[] centers = center == null ? null : center.data().asDouble();
        StridedWalk walk = StridedWalk.of(shape, new long[][] {shape, kept}, new long[][] {x.stride(), keptStrides});
        StagedOperand in = StagedOperand.of(x, walk, 0);
        boolean accumulateRun = walk.innerStride(1) == 0;
        boolean doubles = x.dataType() == DataType.DOUBLE;
        double[] stage = STAGE.get();
        float[] stageF = STAGE_F.get();
        walk.walk(0, walk.total(), CHUNK, (flat, off, len) -> {
            in.load(off[0], stageF, stage, len);
            int o = (int) off[1];
            if (centers != null) {
                centerAndSquare(stage, len, centers, o, accumulateRun);
            }
            if (accumulateRun) {
                acc[o] += sum(stage, len);
            } else {
                for (int i = 0; i < len; i++) {
                    acc[o + i] += stage[i];
                }
            }
        });
        Reference.reachabilityFence(x);
        INDArray out = NativeMemory.uninitialized(x, kept);
        long po = NativeMemory.address(out);
        for (int i = 0; i < acc.length; i++) {
            acc[i] *= scale;
        }
        ElementwiseKernel.store(doubles, new float[doubles ? 0 : acc.length], acc, po, 0, acc.length);
        Reference.reachabilityFence(out);
        return out;
    }

    /** {@code v[i] = (v[i] - c)^2}: one center for the run, or centers {@code c[o + i]} along it. */
    private static void centerAndSquare(double[] v, int len, double[] c, int o, boolean oneCenter) {
        if (oneCenter) {
            double m = c[o];
            for (int i = 0; i < len; i++) {
                double d = v[i] - m;
                v[i] = d * d;
            }
        } else {
            for (int i = 0; i < len; i++) {
                double d = v[i] - c[o + i];
                v[i] = d * d;
            }
        }
    }

    /**
     * The sum of {@code v[0..len)} with four independent partial sums: one chain of dependent
     * additions would wait on the adder's latency for every element (~1 ms for [64,16,28,28]).
     */
    private static double sum(double[] v, int len) {
        double s0 = -0.0;
        double s1 = -0.0;
        double s2 = -0.0;
        double s3 = -0.0;
        int i = 0;
        for (; i + 3 < len; i += 4) {
            s0 += v[i];
            s1 += v[i + 1];
            s2 += v[i + 2];
            s3 += v[i + 3];
        }
        for (; i < len; i++) {
            s0 += v[i];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
