package org.equivariant4j.core.field;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.group.Group;
import org.equivariant4j.core.group.Representation;

/**
 * The data type of a feature space (escnn's idea): a {@link Domain} the group acts on and the
 * {@link Representation} of the feature channels. Layers declare their input and output field
 * types; composition and inputs are checked against them. Immutable; its text form, e.g.
 * {@code "C4 on Z2: regular of C4 + trivial of C4"}, appears in every type error.
 */
public record FieldType(Domain domain, Representation representation) {

    public FieldType {
        if (domain == null || representation == null) {
            throw new InvalidArgumentException("FieldType: domain and representation are required");
        }
    }

    public static FieldType of(Domain domain, Representation representation) {
        return new FieldType(domain, representation);
    }

    public Group group() {
        return representation.group();
    }

    /** Number of feature channels (the representation's dimension). */
    public int channels() {
        return representation.dimension();
    }

    /** Whether {@code other} describes the same space: same domain and an equal representation. */
    public boolean isCompatible(FieldType other) {
        return domain.equals(other.domain) && representation.equals(other.representation);
    }

    @Override
    public String toString() {
        return group().name() + " on " + domain + ": " + representation.name();
    }
}
