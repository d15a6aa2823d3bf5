package org.equivariant4j.nn.equivariant;

import java.util.Objects;

import org.equivariant4j.core.error.FieldTypeMismatchException;
import org.equivariant4j.core.field.FieldType;
import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.group.GroupElement;
import org.equivariant4j.core.group.Matrix;
import org.equivariant4j.core.group.Representation;
import org.equivariant4j.core.layer.EquivariantLayer;
import org.equivariant4j.core.module.UnaryModule;

/**
 * A plain {@code nn} module ({@code Conv}, {@code Pool}, {@code BatchNorm}, an activation, ...) as a step of an
 * {@link EquivariantSequential}, in the two cases where that keeps the contract:
 * <ul>
 *   <li>{@link #onTrivialGroup}: the group has one element, so every map is equivariant — a plain CNN baseline
 *       built from the same blocks as its G-CNN;</li>
 *   <li>{@link #channelwise}: both types carry only trivial representations and the module treats every spatial
 *       position alike without mixing positions (batch norm over channels, a 1x1 convolution, a pointwise
 *       activation): the group moves positions, and such a module commutes with moving them. This is the
 *       caller's declaration about the module; the test kit checks it on the built layer.</li>
 * </ul>
 * A spatial convolution on trivial fields of a non-trivial group is not equivariant (rotating then convolving is
 * not convolving then rotating) and is refused by the first factory.
 */
public final class PlainLayer extends EquivariantLayer {
    private final UnaryModule module;

    private PlainLayer(UnaryModule module, FieldType inType, FieldType outType) {
        super(inType, outType);
        this.module = Objects.requireNonNull(module, "module");
        registerModule("module", module);
    }

    /**
     * {@code module} between two field types of a group of order 1.
     *
     * @throws FieldTypeMismatchException when the group has more than one element
     */
    public static PlainLayer onTrivialGroup(UnaryModule module, FieldType inType, FieldType outType) {
        if (!inType.group().isFinite() || inType.group().asFinite().order() != 1) {
            throw new FieldTypeMismatchException("PlainLayer.onTrivialGroup(" + module + "): the types are over "
                    + inType.group().name() + ", not a group of one element; a plain module is equivariant to it only if it"
                    + " acts channelwise on trivial fields (PlainLayer.channelwise), otherwise use an equivariant layer");
        }
        return new PlainLayer(module, inType, outType);
    }

    /**
     * {@code module}, declared by the caller to act on each position's channels alike without mixing positions,
     * between two field types of trivial representations over any group.
     *
     * @throws FieldTypeMismatchException when either type carries a non-trivial representation
     */
    public static PlainLayer channelwise(UnaryModule module, FieldType inType, FieldType outType) {
        requireTrivial(module, "input", inType);
        requireTrivial(module, "output", outType);
        return new PlainLayer(module, inType, outType);
    }

    private static void requireTrivial(UnaryModule module, String which, FieldType type) {
        Representation r = type.representation();
        Matrix identity = Matrix.identity(r.dimension());
        for (GroupElement g : type.group().testingElements()) {
            if (!r.matrix(g).isClose(identity, 0.0)) {
                throw new FieldTypeMismatchException("PlainLayer.channelwise(" + module + "): the " + which + " type " + type
                        + " is not made of trivial representations (" + g + " acts on its channels); channelwise modules"
                        + " keep equivariance only on trivial fields — use an equivariant layer for this type");
            }
        }
    }

    /** The wrapped module. */
    public UnaryModule module() {
        return module;
    }

    @Override
    protected GeometricTensor apply(GeometricTensor input) {
        return GeometricTensor.of(module.forward(input.tensor()), outType());
    }

    @Override
    public String toString() {
        return "PlainLayer(" + module + ": " + inType().representation().name() + " -> " + outType().representation().name() + ")";
    }
}
