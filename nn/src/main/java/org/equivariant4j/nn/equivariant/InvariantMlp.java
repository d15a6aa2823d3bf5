package org.equivariant4j.nn.equivariant;

import java.util.Collections;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.field.FieldType;
import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.group.FiniteGroup;
import org.equivariant4j.core.group.Representation;
import org.equivariant4j.core.layer.EquivariantLayer;
import org.equivariant4j.core.tensor.Rng;

/**
 * A small invariant network for any finite group: features of any field type in, {@code outputs}
 * invariant scalars out.
 * <pre>
 * EquivariantLinear(in -> h x regular) -> ReLU -> EquivariantLinear(h x regular -> h x regular)
 *   -> GroupPooling(MAX) -> EquivariantLinear(h x trivial -> outputs x trivial)
 * </pre>
 * Regular hidden fields are the ones a pointwise ReLU may act on; pooling over the group axis makes the
 * features invariant, and the last layer (between trivial fields, so an ordinary linear layer) reads them
 * out. Position by position on grids and point clouds; plain vectors are the usual case.
 */
public final class InvariantMlp extends EquivariantLayer {
    private final EquivariantSequential layers;

    /**
     * An invariant MLP with {@code hiddenFields} regular fields per hidden layer, coefficients drawn from {@code rng}.
     *
     * @throws org.equivariant4j.core.error.UnsupportedFeatureException if the group is not finite
     */
    public InvariantMlp(FieldType inType, int hiddenFields, int outputs, Rng rng) {
        super(inType, outputType(inType, outputs));
        if (hiddenFields < 1) {
            throw new InvalidArgumentException("InvariantMlp: hiddenFields must be >= 1, was " + hiddenFields);
        }
        FiniteGroup group = IntertwinerBasis.requireFinite(inType.group(), "InvariantMlp");
        Representation regular = Representation.regular(group);
        FieldType hidden = FieldType.of(inType.domain(), FieldLayout.sum(Collections.nCopies(hiddenFields, regular)));
        EquivariantLinear first = new EquivariantLinear(inType, hidden, rng);
        EquivariantLinear second = new EquivariantLinear(hidden, hidden, rng);
        GroupPooling pooling = new GroupPooling(hidden, GroupPooling.Mode.MAX);
        EquivariantLinear readout = new EquivariantLinear(pooling.outType(), outType(), rng);
        this.layers = registerModule("layers", new EquivariantSequential(first, PointwiseNonlinearity.relu(hidden), second,
                pooling, readout));
    }

    private static FieldType outputType(FieldType inType, int outputs) {
        if (outputs < 1) {
            throw new InvalidArgumentException("InvariantMlp: outputs must be >= 1, was " + outputs);
        }
        return FieldType.of(inType.domain(), FieldLayout.sum(Collections.nCopies(outputs, Representation.trivial(inType.group()))));
    }

    /** The layers, in order. */
    public EquivariantSequential layers() {
        return layers;
    }

    @Override
    protected GeometricTensor apply(GeometricTensor input) {
        return layers.forward(input);
    }
}
