package org.equivariant4j.core.tensor;

/**
 * The in-place updates optimisers run on their parameters and state, an engine-side SPI
 * ({@link TensorBackend#updateKernels()}) rather than part of the {@link Tensor} contract layers see. Like
 * {@link Tensor#assign}, each overwrites {@code target}'s values outside the graph and records nothing; the
 * operands must have the target's shape and dtype. {@link #portable()} builds them from ordinary ops (temporaries,
 * then assign); an engine supplies fused kernels (one pass, no temporaries), which is what makes an optimiser
 * step cheap.
 */
public interface UpdateKernels {

    /** {@code target = alpha * target + beta * other}. */
    void scaleAdd(Tensor target, double alpha, Tensor other, double beta);

    /** {@code target = alpha * target + beta * a * b} (with {@code a = b = g}: Adam's second moment). */
    void scaleAddProduct(Tensor target, double alpha, Tensor a, Tensor b, double beta);

    /** {@code target = target + scale * numerator / (sqrt(denominator) + eps)} (Adam's step). */
    void addRootQuotient(Tensor target, double scale, Tensor numerator, Tensor denominator, double eps);

    /**
     * Adam's whole update of one parameter, in this order:
     * <pre>
     * first  = beta1 * first  + (1 - beta1) * grad
     * second = beta2 * second + (1 - beta2) * grad^2
     * target = target + scale * first / (sqrt(second) + eps)
     * </pre>
     * ({@code scale} and {@code eps} carry the bias corrections and the sign). The default runs the three updates
     * above in turn, three passes over the arrays; an engine fuses them into one pass that reads each operand once
     * and writes each state once, which is most of what an optimiser step costs on host memory.
     */
    default void adam(Tensor target, Tensor first, Tensor second, Tensor grad, double beta1, double beta2, double scale,
            double eps) {
        scaleAdd(first, beta1, grad, 1 - beta1);
        scaleAddProduct(second, beta2, grad, grad, 1 - beta2);
        addRootQuotient(target, scale, first, second, eps);
    }

    /** The engine-independent updates, from the tensor ops and {@link Tensor#assign}. */
    static UpdateKernels portable() {
        return PortableUpdateKernels.INSTANCE;
    }
}
