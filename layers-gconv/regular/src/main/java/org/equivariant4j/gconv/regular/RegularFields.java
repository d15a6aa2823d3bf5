package org.equivariant4j.gconv.regular;

import java.util.Collections;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.field.Domain;
import org.equivariant4j.core.field.FieldType;
import org.equivariant4j.core.group.FiniteGroup;
import org.equivariant4j.core.group.Representation;

/**
 * The field types of regular group convolutions on a grid. Feature layout {@code [N, C·|H|, S...]}: field i
 * occupies channels {@code [i|H|, (i+1)|H|)} and channel {@code i|H| + j} is the feature at group element
 * {@code elements().get(j)}, so {@code GeometricTensor.transform(g)} permutes the group axis by the regular
 * representation and moves the samples on the grid.
 */
public final class RegularFields {

    private RegularFields() {
    }

    /** {@code count x regular} of {@code group} on the {@code dimension}-D grid (a single field is {@code regular}). */
    public static FieldType regular(FiniteGroup group, int dimension, int count) {
        return FieldType.of(Domain.grid(dimension), copies(Representation.regular(group), count));
    }

    /** {@code count x trivial} on the grid: ordinary image or volume channels, the input of a lifting convolution. */
    public static FieldType trivial(FiniteGroup group, int dimension, int count) {
        return FieldType.of(Domain.grid(dimension), copies(Representation.trivial(group), count));
    }

    private static Representation copies(Representation r, int count) {
        if (count < 1) {
            throw new InvalidArgumentException("RegularFields: a field type needs at least one field, got " + count);
        }
        // A one-part direct sum would be a different value from the part itself, under the same name.
        return count == 1 ? r : Representation.directSum(Collections.nCopies(count, r));
    }
}
