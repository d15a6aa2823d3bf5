package org.equivariant4j.backend.nd4j;

import java.util.Arrays;

import org.equivariant4j.core.error.DTypeMismatchException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.nd4j.linalg.api.ndarray.INDArray;

/** NumPy broadcasting: the result shape of two operands, and the reduction of a gradient back to an operand's shape. */
final class Broadcast {

    private Broadcast() {
    }

    /** The broadcast shape of {@code a} and {@code b}, or an exception naming {@code op} and both shapes. */
    public static long[] shape(String op, long[] a, long[] b) {
        int rank = Math.max(a.length, b.length);
        long[] out = new long[rank];
        for (int i = 0; i < rank; i++) {
            long da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
            long db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
            if (da != db && da != 1 && db != 1) {
                throw new ShapeMismatchException(op + ": shapes " + Arrays.toString(a) + " and " + Arrays.toString(b)
                        + " do not broadcast (dimension " + i + " of the result: " + da + " vs " + db + ")");
            }
            out[i] = da == 1 ? db : da;
        }
        return out;
    }

    /** Sums {@code grad} over the dimensions broadcasting added or stretched, giving an array of {@code target} shape. */
    public static INDArray reduceTo(INDArray grad, long[] target) {
        int[] axes = reducedAxes(grad.shape(), target);
        if (axes == null) {
            return grad;
        }
        INDArray summed = axes.length == 0 ? grad : ReductionOps.sumKept(grad, axes);
        return summed.reshape(target);
    }

    /**
     * The axes of a gradient of shape {@code g} to sum (keeping them) so that it reshapes to an
     * operand of shape {@code target}; {@code null} when the shapes are equal and nothing is to do.
     */
    static int[] reducedAxes(long[] g, long[] target) {
        if (Arrays.equals(g, target)) {
            return null;
        }
        int lead = g.length - target.length;
        int[] axes = new int[g.length];
        int n = 0;
        for (int i = 0; i < g.length; i++) {
            if (i < lead || (target[i - lead] == 1 && g[i] != 1)) {
                axes[n++] = i;
            }
        }
        return Arrays.copyOf(axes, n);
    }

    /**
     * A view of {@code a} broadcast to {@code shape}, adding leading dimensions as needed (ND4J's own
     * {@code broadcast} cannot add dimensions).
     */
    public static INDArray to(INDArray a, long[] shape) {
        if (Arrays.equals(a.shape(), shape)) {
            return a;
        }
        INDArray r = a;
        if (a.rank() < shape.length) {
            long[] padded = new long[shape.length];
            Arrays.fill(padded, 1);
            System.arraycopy(a.shape(), 0, padded, shape.length - a.rank(), a.rank());
            r = a.reshape(padded);
        }
        return r.broadcast(shape);
    }

    /** Throws when two operands of a binary op have different dtypes. */
    public static void requireSameDType(String op, Nd4jTensor a, Nd4jTensor b) {
        if (a.value().dataType() != b.value().dataType()) {
            throw new DTypeMismatchException(op + ": operands have dtypes " + a.dtype() + " and " + b.dtype()
                    + "; convert one with to(DType)");
        }
    }
}
