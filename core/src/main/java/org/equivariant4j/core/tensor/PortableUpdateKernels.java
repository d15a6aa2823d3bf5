package org.equivariant4j.core.tensor;

/** {@link UpdateKernels} from the tensor ops: temporaries, then {@link Tensor#assign}, without a graph. */
enum PortableUpdateKernels implements UpdateKernels {
    INSTANCE;

    @Override
    public void scaleAdd(Tensor target, double alpha, Tensor other, double beta) {
        try (GradMode.Scope ignored = GradMode.disabled()) {
            target.assign(target.mul(alpha).add(other.mul(beta)));
        }
    }

    @Override
    public void scaleAddProduct(Tensor target, double alpha, Tensor a, Tensor b, double beta) {
        try (GradMode.Scope ignored = GradMode.disabled()) {
            target.assign(target.mul(alpha).add(a.mul(b).mul(beta)));
        }
    }

    @Override
    public void addRootQuotient(Tensor target, double scale, Tensor numerator, Tensor denominator, double eps) {
        try (GradMode.Scope ignored = GradMode.disabled()) {
            target.assign(target.add(numerator.div(denominator.sqrt().add(eps)).mul(scale)));
        }
    }
}
