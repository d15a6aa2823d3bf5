package org.equivariant4j.testkit.equivariance;

import java.util.Optional;

import org.equivariant4j.core.error.Equivariant4jException;
import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.layer.ApproximateEquivariance;
import org.equivariant4j.core.layer.EquivariantLayer;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;

/**
 * A deliberately broken copy of a layer, for negative controls: the layer's output plus {@code amplitude}
 * at one fixed output entry (a flat index into the output tensor). A group element that moves that entry
 * does not map the pattern to itself, so the copy's equivariance error is the layer's own plus about the
 * amplitude (twice it where the element maps the entry onto its own negative, as −1 does). The copy
 * declares the same approximation as the layer, so it is held to the same bound: perturbed just beyond
 * the bound it must fail the kit, just within it pass.
 *
 * <pre>{@code
 * assertThat(PerturbedCopy.of(layer, 1.5 * declaredAbsolute, 0)).isEquivariantUnder(elements);   // must fail
 * }</pre>
 */
public final class PerturbedCopy extends EquivariantLayer {
    private final EquivariantLayer layer;
    private final double amplitude;
    private final int entry;

    private PerturbedCopy(EquivariantLayer layer, double amplitude, int entry) {
        super(layer.inType(), layer.outType());
        this.layer = registerModule("layer", layer);
        this.amplitude = amplitude;
        this.entry = entry;
    }

    /** {@code layer}'s output plus {@code amplitude} at flat output index {@code entry}. */
    public static PerturbedCopy of(EquivariantLayer layer, double amplitude, int entry) {
        if (entry < 0 || !Double.isFinite(amplitude)) {
            throw new Equivariant4jException("PerturbedCopy of " + layer + ": expected a flat index >= 0 and a finite"
                    + " amplitude, but was " + entry + " and " + amplitude);
        }
        return new PerturbedCopy(layer, amplitude, entry);
    }

    @Override
    protected GeometricTensor apply(GeometricTensor input) {
        GeometricTensor out = layer.forward(input);
        Tensor y = out.tensor();
        if (entry >= y.numel()) {
            throw new Equivariant4jException("PerturbedCopy of " + layer + ": entry " + entry + " is outside the output of "
                    + y.numel() + " values");
        }
        double[] pattern = new double[(int) y.numel()];
        pattern[entry] = amplitude;
        return out.withTensor(y.add(Tensors.of(pattern, y.dtype(), y.shape())));
    }

    @Override
    public Optional<ApproximateEquivariance> approximation() {
        return layer.approximation();
    }

    @Override
    public String toString() {
        return "PerturbedCopy(" + layer + ", +" + amplitude + " at output entry " + entry + ")";
    }
}
