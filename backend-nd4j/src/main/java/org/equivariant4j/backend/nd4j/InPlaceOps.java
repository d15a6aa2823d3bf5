package org.equivariant4j.backend.nd4j;

import java.util.Arrays;

import org.equivariant4j.core.error.DTypeMismatchException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The in-place updates optimisers use (the engine's {@code UpdateKernels}): outside the
 * graph, on the target's own memory. On host memory they run as one Java pass
 * ({@link FusedUpdateKernel}); otherwise (the CUDA backend, {@code -Dequivariant4j.kernels=nd4j},
 * strided operands) as ND4J's in-place ops, with each temporary freed at once.
 */
final class InPlaceOps {

    private InPlaceOps() {
    }

    public static void scaleAdd(Nd4jTensor target, double alpha, Nd4jTensor other, double beta) {
        String op = "scaleAdd";
        INDArray t = target.value();
        INDArray o = operand(op, target, other, "other");
        if (KernelSelection.useKernels() && FusedUpdateKernel.supports(t, o)) {
            FusedUpdateKernel.scaleAdd(t, alpha, o, beta);
            return;
        }
        // The scaled operand first: it may be the target itself.
        INDArray scaled = o.mul(beta);
        t.muli(alpha).addi(scaled);
        scaled.close();
    }

    public static void scaleAddProduct(Nd4jTensor target, double alpha, Nd4jTensor a, Nd4jTensor b, double beta) {
        String op = "scaleAddProduct";
        INDArray t = target.value();
        INDArray x = operand(op, target, a, "a");
        INDArray y = operand(op, target, b, "b");
        if (KernelSelection.useKernels() && FusedUpdateKernel.supports(t, x, y)) {
            FusedUpdateKernel.scaleAddProduct(t, alpha, x, y, beta);
            return;
        }
        INDArray product = x.mul(y).muli(beta);
        t.muli(alpha).addi(product);
        product.close();
    }

    public static void addRootQuotient(Nd4jTensor target, double scale, Nd4jTensor numerator, Nd4jTensor denominator,
            double eps) {
        String op = "addRootQuotient";
        INDArray t = target.value();
        INDArray n = operand(op, target, numerator, "numerator");
        INDArray d = operand(op, target, denominator, "denominator");
        if (KernelSelection.useKernels() && FusedUpdateKernel.supports(t, n, d)) {
            FusedUpdateKernel.addRootQuotient(t, scale, n, d, eps);
            return;
        }
        INDArray root = Transforms.sqrt(d, true).addi(eps);
        INDArray step = n.div(root).muli(scale);
        root.close();
        t.addi(step);
        step.close();
    }

    /** An operand's array after checking it has the target's shape and dtype, and the target is floating. */
    static INDArray operand(String op, Nd4jTensor target, Nd4jTensor operand, String name) {
        if (!target.dtype().isFloating()) {
            throw new DTypeMismatchException(op + ": the target must be floating, was " + target.dtype());
        }
        if (operand.dtype() != target.dtype()) {
            throw new DTypeMismatchException(op + ": " + name + " is " + operand.dtype() + " but the target is " + target.dtype());
        }
        if (!Arrays.equals(operand.value().shape(), target.value().shape())) {
            throw new ShapeMismatchException(op + ": " + name + " has shape " + Arrays.toString(operand.shape())
                    + " but the target has " + Arrays.toString(target.shape()));
        }
        return operand.value();
    }
}
