package org.equivariant4j.backend.nd4j;

import java.util.Arrays;

import org.equivariant4j.core.error.ShapeMismatchException;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Matrix products. Every product runs as {@code Nd4j.gemm} (direct BLAS) on 2D operands: a
 * batched product whose right operand has no batch dimensions folds the batch into the rows, and
 * only a product of two batched operands loops over the batch in ND4J's batched matmul.
 * {@code INDArray.mmul} is never used (2-14x slower, PERFORMANCE.md).
 */
final class LinalgOps {

    private LinalgOps() {
    }

    public static Nd4jTensor matmul(Nd4jTensor a, Nd4jTensor b) {
        Broadcast.requireSameDType("matmul", a, b);
        INDArray x = a.value();
        INDArray y = b.value();
        if (x.rank() == 0 || y.rank() == 0) {
            throw new ShapeMismatchException("matmul: operands must have rank >= 1, got " + Arrays.toString(x.shape()) + " and "
                    + Arrays.toString(y.shape()));
        }
        // Vectors become matrices and the added dimension is dropped from the result, as in NumPy.
        boolean leftVector = x.rank() == 1;
        boolean rightVector = y.rank() == 1;
        INDArray x2 = leftVector ? x.reshape(1, x.length()) : x;
        INDArray y2 = rightVector ? y.reshape(y.length(), 1) : y;
        long k = x2.size(-1);
        if (y2.size(-2) != k) {
            throw new ShapeMismatchException("matmul: inner dimensions differ: " + Arrays.toString(x.shape()) + " x "
                    + Arrays.toString(y.shape()) + " (" + k + " vs " + y2.size(-2) + ")");
        }
        if (x.isEmpty() || y.isEmpty()) {
            return emptyMatmul(a, b, x2, y2, leftVector, rightVector);
        }
        INDArray out = product(x2, y2, false, false);
        long[] outShape = out.shape();
        if (leftVector || rightVector) {
            long[] s = out.shape();
            int drop = (leftVector ? 1 : 0) + (rightVector ? 1 : 0);
            long[] t = new long[s.length - drop];
            int n = 0;
            for (int i = 0; i < s.length; i++) {
                boolean isRow = leftVector && i == s.length - 2;
                boolean isCol = rightVector && i == s.length - 1;
                if (!isRow && !isCol) {
                    t[n++] = s[i];
                }
            }
            out = out.reshape(t);
        }
        long[] xs = x.shape();
        long[] ys = y.shape();
        return Nd4jTensor.record("matmul", out, g -> {
            INDArray g2 = g.reshape(outShape);
            INDArray gx = a.requiresGrad() ? Broadcast.reduceTo(product(g2, y2, false, true), x2.shape()).reshape(xs) : null;
            INDArray gy = null;
            if (b.requiresGrad()) {
                // A shared 2D right operand (a weight): one GEMM over all rows instead of a batched product and a sum.
                gy = y2.rank() == 2 && x2.rank() > 2
                        ? gemm(contiguous(x2).reshape(-1, k), contiguous(g2).reshape(-1, y2.size(1)), true, false)
                        : Broadcast.reduceTo(product(x2, g2, true, false), y2.shape());
                gy = gy.reshape(ys);
            }
            return new INDArray[] {gx, gy};
        }, (g, product) -> {
            Nd4jTensor a2 = GraphGradients.reshape(a, x2.shape());
            Nd4jTensor b2 = GraphGradients.reshape(b, y2.shape());
            Nd4jTensor g2 = GraphGradients.reshape(g, outShape);
            return new Nd4jTensor[] {
                a.requiresGrad() ? GraphGradients.reshape(GraphGradients.reduceTo(matmul(g2, ShapeOps.transpose(b2, -1, -2)),
                        x2.shape()), xs) : null,
                b.requiresGrad() ? GraphGradients.reshape(GraphGradients.reduceTo(matmul(ShapeOps.transpose(a2, -1, -2), g2),
                        y2.shape()), ys) : null};
        }, a, b);
    }

    /**
     * A product with an empty operand, as PyTorch: {@code [0, k] @ [k, n]} is {@code [0, n]} (and
     * {@code [m, 0] @ [0, n]} is zeros {@code [m, n]}, sums of nothing). The gradient is zero (see {@link EmptyOps}).
     */
    private static Nd4jTensor emptyMatmul(Nd4jTensor a, Nd4jTensor b, INDArray x2, INDArray y2, boolean leftVector,
            boolean rightVector) {
        long[] xs = x2.shape();
        long[] ys = y2.shape();
        long[] batch = Broadcast.shape("matmul", Arrays.copyOf(xs, xs.length - 2), Arrays.copyOf(ys, ys.length - 2));
        long[] outShape = concat(batch, new long[] {xs[xs.length - 2], ys[ys.length - 1]});
        AllocationLimit.check("matmul", outShape, x2.dataType());
        long[] kept = new long[outShape.length - (leftVector ? 1 : 0) - (rightVector ? 1 : 0)];
        int n = 0;
        for (int i = 0; i < outShape.length; i++) {
            if (!(leftVector && i == outShape.length - 2) && !(rightVector && i == outShape.length - 1)) {
                kept[n++] = outShape[i];
            }
        }
        return EmptyOps.result("matmul", EmptyOps.filled(kept, 0.0, x2.dataType()), a, b);
    }

    /** op(x) @ op(y) for rank >= 2 operands with broadcast batch dimensions; op transposes the last two dims. */
    static INDArray product(INDArray x, INDArray y, boolean transX, boolean transY) {
        if (x.rank() == 2 && y.rank() == 2) {
            return gemm(x, y, transX, transY);
        }
        if (y.rank() == 2 && !transX) {
            // [..., m, k] @ [k, n]: one GEMM over all rows.
            long[] xs = x.shape();
            INDArray flat = contiguous(x).reshape(-1, xs[xs.length - 1]);
            INDArray r = gemm(flat, y, false, transY);
            long[] os = xs.clone();
            os[os.length - 1] = r.size(1);
            return r.reshape(os);
        }
        long[] xs = x.shape();
        long[] ys = y.shape();
        long[] batch = Broadcast.shape("matmul", Arrays.copyOf(xs, xs.length - 2), Arrays.copyOf(ys, ys.length - 2));
        INDArray xb = contiguous(Broadcast.to(x, concat(batch, Arrays.copyOfRange(xs, xs.length - 2, xs.length))));
        INDArray yb = contiguous(Broadcast.to(y, concat(batch, Arrays.copyOfRange(ys, ys.length - 2, ys.length))));
        AllocationLimit.check("matmul", concat(batch, new long[] {xs[xs.length - (transX ? 1 : 2)],
            ys[ys.length - (transY ? 2 : 1)]}), x.dataType());
        return Nd4j.matmul(xb, yb, null, transX, transY, false);
    }

    private static INDArray gemm(INDArray x, INDArray y, boolean transX, boolean transY) {
        long m = transX ? x.size(1) : x.size(0);
        long n = transY ? y.size(0) : y.size(1);
        AllocationLimit.check("matmul", new long[] {m, n}, x.dataType());
        if (KernelSelection.useKernels() && DirectGemm.supports(x, y, transX)) {
            return DirectGemm.product(x, y, transX, transY);
        }
        INDArray out = Nd4j.createUninitialized(x.dataType(), new long[] {m, n}, 'c');
        INDArray cx = contiguous(x);
        INDArray cy = contiguous(y);
        Nd4j.gemm(cx, cy, out, transX, transY, 1.0, 0.0);
        // Copies made here are ours alone: free them now rather than when the GC gets to them.
        if (cx != x) {
            cx.close();
        }
        if (cy != y) {
            cy.close();
        }
        return out;
    }

    /** {@code a} itself when its layout is dense row- or column-major, otherwise a row-major copy. */
    static INDArray contiguous(INDArray a) {
        if (Shape.hasDefaultStridesForShape(a) && a.offset() == 0 && !a.isView()) {
            return a;
        }
        return a.dup('c');
    }

    private static long[] concat(long[] a, long[] b) {
        long[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
