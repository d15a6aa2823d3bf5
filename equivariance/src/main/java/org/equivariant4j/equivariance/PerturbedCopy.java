package org.equivariant4j.equivariance;

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
    /** When positive, the amplitude is this multiple of the declared bound at the actual output (see {@link #beyondDeclaredBound}). */
    private final double boundMultiple;
    private final int entry;

    private PerturbedCopy(EquivariantLayer layer, double amplitude, double boundMultiple, int entry) {
        super(layer.inType(), layer.outType());
        this.layer = registerModule("layer", layer);
        this.amplitude = amplitude;
        this.boundMultiple = boundMultiple;
        this.entry = entry;
    }

    /** {@code layer}'s output plus {@code amplitude} at flat output index {@code entry}. */
    public static PerturbedCopy of(EquivariantLayer layer, double amplitude, int entry) {
        if (entry < 0 || !Double.isFinite(amplitude)) {
            throw new Equivariant4jException("PerturbedCopy of " + layer + ": expected a flat index >= 0 and a finite"
                    + " amplitude, but was " + entry + " and " + amplitude);
        }
        return new PerturbedCopy(layer, amplitude, 0, entry);
    }

    /**
     * {@code layer}'s output plus {@code multiple} times its declared bound at the output it produces, i.e.
     * {@code multiple * (absolute + relative * max|f(x)|)}, at flat output index {@code entry}: a violation of known
     * size relative to the declaration, whatever the layer's output scale. The test kit's layer contract uses it
     * (multiple 2, entry 0) as the negative control of a declared bound when the contract gives no broken copy of
     * its own.
     *
     * @throws Equivariant4jException when the layer declares no approximation or {@code multiple} is not above 1
     */
    public static PerturbedCopy beyondDeclaredBound(EquivariantLayer layer, double multiple, int entry) {
        if (layer.approximation().isEmpty() || !(multiple > 1) || Double.isInfinite(multiple) || entry < 0) {
            throw new Equivariant4jException("PerturbedCopy.beyondDeclaredBound of " + layer + ": expected a layer declaring"
                    + " an approximation, a finite multiple > 1 and a flat index >= 0, but was " + layer.approximation()
                    + ", " + multiple + " and " + entry);
        }
        return new PerturbedCopy(layer, 0, multiple, entry);
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
        pattern[entry] = boundMultiple > 0 ? boundMultiple * declaredBoundAt(y) : amplitude;
        return out.withTensor(y.add(Tensors.of(pattern, y.dtype(), y.shape())));
    }

    private double declaredBoundAt(Tensor y) {
        ApproximateEquivariance a = layer.approximation().orElseThrow();
        return a.absolute() + a.relative() * y.abs().max().item();
    }

    @Override
    public Optional<ApproximateEquivariance> approximation() {
        return layer.approximation();
    }

    @Override
    public String toString() {
        String size = boundMultiple > 0 ? boundMultiple + "x the declared bound" : Double.toString(amplitude);
        return "PerturbedCopy(" + layer + ", +" + size + " at output entry " + entry + ")";
    }
}
