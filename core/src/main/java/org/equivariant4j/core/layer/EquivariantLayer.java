package org.equivariant4j.core.layer;

import java.util.Optional;

import org.equivariant4j.core.error.Equivariant4jException;
import org.equivariant4j.core.error.FieldTypeMismatchException;
import org.equivariant4j.core.field.FieldType;
import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.module.Module;

/**
 * A module with a typed equivariance contract: it maps fields of {@link #inType()} to fields of
 * {@link #outType()} such that {@code f(x.transform(g))} equals {@code f(x).transform(g)} for every
 * element g of the group (within the declared tolerance, if any). The types are fixed at
 * construction; {@link #forward} refuses an input of another type and names both types and the fix.
 */
public abstract class EquivariantLayer extends Module {
    private final FieldType inType;
    private final FieldType outType;

    protected EquivariantLayer(FieldType inType, FieldType outType) {
        if (!inType.group().equals(outType.group())) {
            throw new FieldTypeMismatchException(getClass().getSimpleName() + ": input type " + inType + " and output type "
                    + outType + " must be over the same group");
        }
        this.inType = inType;
        this.outType = outType;
    }

    public final FieldType inType() {
        return inType;
    }

    public final FieldType outType() {
        return outType;
    }

    /** Applies the layer to {@code input}, which must be of {@link #inType()}. */
    public final GeometricTensor forward(GeometricTensor input) {
        if (!input.type().isCompatible(inType)) {
            throw new FieldTypeMismatchException(this + ": expected an input of type " + inType + " but was " + input.type()
                    + "; convert the field (or insert a layer mapping " + input.type().representation().name() + " to "
                    + inType.representation().name() + ") before this layer");
        }
        GeometricTensor out;
        try {
            out = apply(input);
        } catch (Equivariant4jException e) {
            // Keep the exception's type (callers catch ShapeMismatchException and the like); say where it happened.
            throw e.addContext(this + ": " + inType + " -> " + outType);
        }
        if (!out.type().isCompatible(outType)) {
            throw new IllegalStateException(this + " produced a field of type " + out.type() + ", not its declared " + outType);
        }
        return out;
    }

    /** The computation, on an input already checked to be of {@link #inType()}. */
    protected abstract GeometricTensor apply(GeometricTensor input);

    /** Empty for an exactly equivariant layer; otherwise the tolerances it guarantees and the reason. */
    public Optional<ApproximateEquivariance> approximation() {
        return Optional.empty();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + inType.representation().name() + " -> " + outType.representation().name() + ")";
    }
}
