package org.equivariant4j.backend.nd4j;

import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.UpdateKernels;

/** The optimisers' in-place updates on ND4J tensors: fused one-pass kernels on host memory ({@link InPlaceOps}). */
enum Nd4jUpdateKernels implements UpdateKernels {
    INSTANCE;

    @Override
    public void scaleAdd(Tensor target, double alpha, Tensor other, double beta) {
        String op = "scaleAdd";
        InPlaceOps.scaleAdd(Nd4jTensor.of(target, op), alpha, Nd4jTensor.of(other, op), beta);
    }

    @Override
    public void scaleAddProduct(Tensor target, double alpha, Tensor a, Tensor b, double beta) {
        String op = "scaleAddProduct";
        InPlaceOps.scaleAddProduct(Nd4jTensor.of(target, op), alpha, Nd4jTensor.of(a, op), Nd4jTensor.of(b, op), beta);
    }

    @Override
    public void addRootQuotient(Tensor target, double scale, Tensor numerator, Tensor denominator, double eps) {
        String op = "addRootQuotient";
        InPlaceOps.addRootQuotient(Nd4jTensor.of(target, op), scale, Nd4jTensor.of(numerator, op), Nd4jTensor.of(denominator, op),
                eps);
    }

    @Override
    public void adam(Tensor target, Tensor first, Tensor second, Tensor grad, double beta1, double beta2, double scale,
            double eps) {
        String op = "adam";
        AdamKernel.step(Nd4jTensor.of(target, op), Nd4jTensor.of(first, op), Nd4jTensor.of(second, op), Nd4jTensor.of(grad, op),
                beta1, beta2, scale, eps);
    }
}
