package org.equivariant4j.backend.nd4j;

import java.lang.ref.Reference;

import org.equivariant4j.core.tensor.FusedActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * {@code Tensor.linear} as one op on host memory: {@code activation(x · Wᵀ + b)} for a 2D input.
 *
 * <p>Forward: the output rows are filled with the bias and one BLAS GEMM adds {@code x · Wᵀ} to them (W read
 * transposed in place, no copy); ReLU is then applied in place, SiLU in one pass that writes the output beside the
 * pre-activation (the sigmoid itself comes from ND4J's vectorised transform: a Java {@code Math.exp} per element
 * costs more than the calls it would save). Backward: one pass turns the output gradient into the pre-activation
 * gradient, two GEMMs give the input and weight gradients, one pass sums the bias gradient. The composed form
 * ({@code matmul}, {@code add}, activation) costs, per layer and step, a weight copy (the transposed view is made
 * contiguous), four to nine more ND4J calls and as many fresh native arrays, which is what the training-step profiles
 * of issue 16 found the MLP and EGNN steps spending their time on.
 *
 * <p>{@link #linear} returns null where it does not apply (an input of another rank, strided or empty operands,
 * dtypes other than float32/float64, the {@code equivariant4j.kernels=nd4j} switch): the caller then composes the
 * ordinary ops, which give the same values. The first-order backward is the fused pass above; a create-graph pass
 * runs the same derivative in tensor ops (for SiLU recomputing the pre-activation, whose derivative the second order
 * needs), so second-order gradients through it exist and are checked like every op's.
 */
final class FusedLinearOps {
    private static final String OP = "linear";

    private FusedLinearOps() {
    }

    /** The fused op, or null where the composed ops must run instead. */
    static Nd4jTensor linear(Nd4jTensor input, Nd4jTensor weight, Nd4jTensor bias, FusedActivation activation) {
        INDArray x = input.value();
        INDArray w = weight.value();
        INDArray b = bias == null ? null : bias.value();
        if (!applies(x, w, b)) {
            return null;
        }
        int n = (int) x.size(0);
        int in = (int) x.size(1);
        int out = (int) w.size(0);
        INDArray xd = HostArray.usable(x);
        INDArray wd = HostArray.usable(w);
        INDArray bd = b == null ? null : HostArray.usable(b);
        AllocationLimit.check(OP, new long[] {n, out}, x.dataType());
        INDArray z = Nd4j.createUninitialized(x.dataType(), new long[] {n, out}, 'c');
        if (bd != null) {
            fillRows(z, bd, n, out);
        }
        HostArray xh = HostArray.of(xd);
        HostArray wh = HostArray.of(wd);
        HostArray zh = HostArray.of(z);
        Blas.gemm(false, true, n, out, in, xh, 0, in, wh, 0, in, bd == null ? 0.0 : 1.0, zh, 0, out);
        Reference.reachabilityFence(xh);
        Reference.reachabilityFence(wh);
        Reference.reachabilityFence(zh);
        INDArray y;
        INDArray sig;
        switch (activation) {
            case RELU -> {
                reluInPlace(z);
                y = z;
                sig = null;
            }
            case SILU -> {
                sig = Transforms.sigmoid(z, true);
                y = Nd4j.createUninitialized(x.dataType(), new long[] {n, out}, 'c');
                product(z, sig, y);
            }
            default -> {
                y = z;
                sig = null;
            }
        }
        BackwardFn backward = g -> {
            INDArray gz = preActivationGradient(activation, HostArray.usable(g), z, sig);
            HostArray gh = HostArray.of(gz);
            INDArray gx = null;
            INDArray gw = null;
            if (input.requiresGrad()) {
                gx = Nd4j.createUninitialized(x.dataType(), new long[] {n, in}, 'c');
                HostArray gxh = HostArray.of(gx);
                Blas.gemm(false, false, n, in, out, gh, 0, out, HostArray.of(wd), 0, in, 0.0, gxh, 0, in);
                Reference.reachabilityFence(gxh);
            }
            if (weight.requiresGrad()) {
                gw = Nd4j.createUninitialized(x.dataType(), new long[] {out, in}, 'c');
                HostArray gwh = HostArray.of(gw);
                Blas.gemm(true, false, out, in, n, gh, 0, out, HostArray.of(xd), 0, in, 0.0, gwh, 0, in);
                Reference.reachabilityFence(gwh);
            }
            Reference.reachabilityFence(gh);
            INDArray gb = bias != null && bias.requiresGrad() ? columnSums(gz, n, out) : null;
            return bias == null ? new INDArray[] {gx, gw} : new INDArray[] {gx, gw, gb};
        };
        GraphBackward graph = (g, result) -> {
            Nd4jTensor gz = switch (activation) {
                // relu' is a step: a constant mask of the output (relu'' = 0 almost everywhere)
                case RELU -> ElementwiseOps.mul(g, GraphGradients.constant(result.value().gt(0.0).castTo(result.value().dataType())));
                case SILU -> {
                    Nd4jTensor pre = LinalgOps.matmul(input, ShapeOps.transpose(weight, 0, 1));
                    pre = bias == null ? pre : ElementwiseOps.add(pre, bias);
                    Nd4jTensor s = ElementwiseOps.sigmoid(pre);
                    yield ElementwiseOps.mul(g, ElementwiseOps.add(s,
                            ElementwiseOps.mul(ElementwiseOps.mul(pre, s), GraphGradients.oneMinus(s))));
                }
                default -> g;
            };
            Nd4jTensor gx = LinalgOps.matmul(gz, weight);
            Nd4jTensor gw = LinalgOps.matmul(ShapeOps.transpose(gz, 0, 1), input);
            return bias == null ? new Nd4jTensor[] {gx, gw}
                    : new Nd4jTensor[] {gx, gw, ReductionOps.sum(gz, new int[] {0}, false)};
        };
        return bias == null ? Nd4jTensor.record(OP, y, backward, graph, input, weight)
                : Nd4jTensor.record(OP, y, backward, graph, input, weight, bias);
    }

    private static boolean applies(INDArray x, INDArray w, INDArray b) {
        DataType t = x.dataType();
        if (!KernelSelection.useKernels() || !NativeMemory.isAvailable() || (t != DataType.FLOAT && t != DataType.DOUBLE)
                || w.dataType() != t || (b != null && b.dataType() != t)) {
            return false;
        }
        if (x.rank() != 2 || w.rank() != 2 || x.size(1) != w.size(1) || (b != null && (b.rank() != 1 || b.size(0) != w.size(0)))) {
            return false;
        }
        return x.size(0) > 0 && x.size(1) > 0 && w.size(0) > 0 && x.length() <= Integer.MAX_VALUE
                && x.size(0) * w.size(0) <= Integer.MAX_VALUE && w.length() <= Integer.MAX_VALUE;
    }

    /** Every row of {@code z} ({@code [n, out]}) set to the bias. */
    private static void fillRows(INDArray z, INDArray bias, int n, int out) {
        var u = NativeMemory.UNSAFE;
        long pz = NativeMemory.address(z);
        long pb = NativeMemory.address(bias);
        int width = z.dataType() == DataType.DOUBLE ? Double.BYTES : Float.BYTES;
        long rowBytes = (long) out * width;
        for (int r = 0; r < n; r++) {
            u.copyMemory(pb, pz + r * rowBytes, rowBytes);
        }
        Reference.reachabilityFence(z);
        Reference.reachabilityFence(bias);
    }

    private static void reluInPlace(INDArray z) {
        var u = NativeMemory.UNSAFE;
        long p = NativeMemory.address(z);
        int len = (int) z.length();
        if (z.dataType() == DataType.DOUBLE) {
            for (int i = 0; i < len; i++) {
                long k = (long) i * Double.BYTES;
                double v = u.getDouble(p + k);
                // v > 0 is false for NaN: a NaN stays NaN through max(v, 0)'s Math.max as in PyTorch's relu.
                u.putDouble(p + k, v > 0 || Double.isNaN(v) ? v : 0.0);
            }
        } else {
            for (int i = 0; i < len; i++) {
                long k = (long) i * Float.BYTES;
                float v = u.getFloat(p + k);
                u.putFloat(p + k, v > 0 || Float.isNaN(v) ? v : 0f);
            }
        }
        Reference.reachabilityFence(z);
    }

    /** {@code out = a * b} elementwise (dense, same shape and dtype). */
    private static void product(INDArray a, INDArray b, INDArray out) {
        var u = NativeMemory.UNSAFE;
        long pa = NativeMemory.address(a);
        long pb = NativeMemory.address(b);
        long po = NativeMemory.address(out);
        int len = (int) out.length();
        if (out.dataType() == DataType.DOUBLE) {
            for (int i = 0; i < len; i++) {
                long k = (long) i * Double.BYTES;
                u.putDouble(po + k, u.getDouble(pa + k) * u.getDouble(pb + k));
            }
        } else {
            for (int i = 0; i < len; i++) {
                long k = (long) i * Float.BYTES;
                u.putFloat(po + k, u.getFloat(pa + k) * u.getFloat(pb + k));
            }
        }
        Reference.reachabilityFence(a);
        Reference.reachabilityFence(b);
        Reference.reachabilityFence(out);
    }

    /**
     * The gradient at the pre-activation from the output gradient {@code g}: itself for the identity; {@code g} where
     * the output is positive for ReLU (the forward wrote the output over the pre-activation, and relu'(0) = 0 as in
     * PyTorch); {@code g * s * (1 + z (1 - s))} for SiLU, with the forward's sigmoid {@code s}.
     */
    private static INDArray preActivationGradient(FusedActivation activation, INDArray g, INDArray z, INDArray sig) {
        if (activation == FusedActivation.IDENTITY) {
            return g;
        }
        INDArray gz = Nd4j.createUninitialized(z.dataType(), z.shape(), 'c');
        var u = NativeMemory.UNSAFE;
        long pg = NativeMemory.address(g);
        long pz = NativeMemory.address(z);
        long po = NativeMemory.address(gz);
        long ps = sig == null ? 0 : NativeMemory.address(sig);
        int len = (int) z.length();
        boolean relu = activation == FusedActivation.RELU;
        if (z.dataType() == DataType.DOUBLE) {
            for (int i = 0; i < len; i++) {
                long k = (long) i * Double.BYTES;
                double gi = u.getDouble(pg + k);
                double zi = u.getDouble(pz + k);
                double d;
                if (relu) {
                    d = zi > 0 ? gi : 0.0;
                } else {
                    double s = u.getDouble(ps + k);
                    d = gi * (s * (1 + zi * (1 - s)));
                }
                u.putDouble(po + k, d);
            }
        } else {
            for (int i = 0; i < len; i++) {
                long k = (long) i * Float.BYTES;
                float gi = u.getFloat(pg + k);
                float zi = u.getFloat(pz + k);
                float d;
                if (relu) {
                    d = zi > 0 ? gi : 0f;
                } else {
                    float s = u.getFloat(ps + k);
                    d = gi * (s * (1 + zi * (1 - s)));
                }
                u.putFloat(po + k, d);
            }
        }
        Reference.reachabilityFence(g);
        Reference.reachabilityFence(z);
        Reference.reachabilityFence(sig);
        Reference.reachabilityFence(gz);
        return gz;
    }

    /** Column sums of a dense {@code [n, out]} array, accumulated in double, as an {@code [out]} array. */
    private static INDArray columnSums(INDArray a, int n, int out) {
        var u = NativeMemory.UNSAFE;
        long p = NativeMemory.address(a);
        double[] sums = new double[out];
        boolean isDouble = a.dataType() == DataType.DOUBLE;
        for (int r = 0; r < n; r++) {
            long row = (long) r * out;
            for (int c = 0; c < out; c++) {
                sums[c] += isDouble ? u.getDouble(p + (row + c) * Double.BYTES) : u.getFloat(p + (row + c) * Float.BYTES);
            }
        }
        Reference.reachabilityFence(a);
        INDArray result = Nd4j.createUninitialized(a.dataType(), new long[] {out}, 'c');
        long q = NativeMemory.address(result);
        for (int c = 0; c < out; c++) {
            if (isDouble) {
                u.putDouble(q + (long) c * Double.BYTES, sums[c]);
            } else {
                u.putFloat(q + (long) c * Float.BYTES, (float) sums[c]);
            }
        }
        Reference.reachabilityFence(result);
        return result;
    }
}
