package org.equivariant4j.groups.equivariance;

import java.util.Optional;

import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.layer.ApproximateEquivariance;
import org.equivariant4j.core.layer.EquivariantLayer;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;

/**
 * An exact layer plus {@code amplitude} at one fixed output entry: a pattern no group element (other
 * than the identity) maps to itself on a regular field, since ρ(g) moves channel 0 elsewhere. So the
 * error is exactly {@code amplitude} at that entry and at its image, for every g ≠ e. With a declared
 * approximation it stands for an honestly approximate layer; without, for a subtly broken one.
 */
final class PerturbedLayer extends EquivariantLayer {
    private final EquivariantLayer inner;
    private final double amplitude;
    private final int entry;
    private final ApproximateEquivariance declared;

    PerturbedLayer(EquivariantLayer inner, double amplitude, int entry, ApproximateEquivariance declared) {
        super(inner.inType(), inner.outType());
        this.inner = registerModule("inner", inner);
        this.amplitude = amplitude;
        this.entry = entry;
        this.declared = declared;
    }

    /** Flat index of the perturbed output entry. */
    int entry() {
        return entry;
    }

    @Override
    protected GeometricTensor apply(GeometricTensor input) {
        Tensor y = inner.forward(input).tensor();
        double[] pattern = new double[(int) y.numel()];
        pattern[entry] = amplitude;
        return input.withTensor(y.add(Tensors.of(pattern, y.dtype(), y.shape())));
    }

    @Override
    public Optional<ApproximateEquivariance> approximation() {
        return Optional.ofNullable(declared);
    }
}
