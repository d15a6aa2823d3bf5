package org.equivariant4j.nn.equivariant;

import java.util.ArrayList;
import java.util.List;

import org.equivariant4j.core.field.FieldType;
import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.group.Representation;
import org.equivariant4j.core.layer.EquivariantLayer;
import org.equivariant4j.core.tensor.Tensor;

/**
 * Gated nonlinearity (Weiler et al., 3D steerable CNNs): each gated field is multiplied by the sigmoid of
 * its own invariant scalar. The gates are trivial fields, so {@code sigmoid(gate)} is invariant and scaling
 * by it commutes with any representation: this works for every summand, orthogonal or not.
 *
 * <p>Layout: the input type is {@code k x trivial ⊕ gated}, where k is the number of summands of the gated
 * type; input channel i &lt; k is the gate of gated field i. The output type is the gated type. Produce the
 * input with an {@link EquivariantLinear} onto {@link #inType()}.
 */
public final class GatedNonlinearity extends EquivariantLayer {
    private final int gates;
    private final int gatedChannels;
    private final Tensor fieldOfChannel;

    /** Gates every summand of {@code gatedType}; the input type is {@code gatedType}'s summand count of trivials, then {@code gatedType}. */
    public GatedNonlinearity(FieldType gatedType) {
        super(inputType(gatedType), gatedType);
        FieldLayout layout = FieldLayout.of(gatedType.representation());
        this.gates = layout.fieldCount();
        this.gatedChannels = layout.channels();
        this.fieldOfChannel = layout.fieldOfChannel();
    }

    private static FieldType inputType(FieldType gatedType) {
        List<Representation> fields = FieldLayout.fieldsOf(gatedType.representation());
        List<Representation> parts = new ArrayList<>();
        Representation trivial = Representation.trivial(gatedType.group());
        for (int i = 0; i < fields.size(); i++) {
            parts.add(trivial);
        }
        parts.addAll(fields);
        return FieldType.of(gatedType.domain(), Representation.directSum(parts));
    }

    @Override
    protected GeometricTensor apply(GeometricTensor input) {
        Tensor x = input.tensor();
        Tensor gate = x.narrow(1, 0, gates).sigmoid();
        Tensor gated = x.narrow(1, gates, gatedChannels);
        // Each gated channel takes its field's gate: one gather along the channel axis.
        return Fields.output(input, gated.mul(gate.indexSelect(1, fieldOfChannel)), outType());
    }

    /** {@code "GatedNonlinearity(2x irrep(1), 2 gates)"}. */
    @Override
    public String toString() {
        return "GatedNonlinearity(" + outType().representation().name() + ", " + gates + " gates)";
    }
}
