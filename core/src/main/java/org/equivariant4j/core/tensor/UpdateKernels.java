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

    /** The engine-independent updates, from the tensor ops and {@link Tensor#assign}. */
    static UpdateKernels portable() {
        return PortableUpdateKernels.INSTANCE;
    }
}
