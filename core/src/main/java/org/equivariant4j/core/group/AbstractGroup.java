package org.equivariant4j.core.group;

import java.util.Objects;

import org.equivariant4j.core.error.GroupMismatchException;

/**
 * A skeleton for {@link Group}s whose elements are one Java type {@code E}: it checks that every
 * argument is an element of this group (throwing {@link GroupMismatchException} naming both groups)
 * before handing typed elements to {@link #multiply}, {@link #invert} and {@link #closeTo}, and makes
 * equality, hash and {@code toString} follow the canonical {@link #name()}.
 *
 * @param <E> the element type
 */
public abstract class AbstractGroup<E extends GroupElement> implements Group {
    private final Class<E> elementType;

    protected AbstractGroup(Class<E> elementType) {
        this.elementType = Objects.requireNonNull(elementType, "elementType");
    }

    @Override
    public abstract E identity();

    @Override
    public final E compose(GroupElement a, GroupElement b) {
        return multiply(member(a, "compose"), member(b, "compose"));
    }

    @Override
    public final E inverse(GroupElement g) {
        return invert(member(g, "inverse"));
    }

    @Override
    public final boolean isClose(GroupElement a, GroupElement b, double tolerance) {
        return closeTo(member(a, "isClose"), member(b, "isClose"), tolerance);
    }

    /** a·b for elements known to belong to this group. */
    protected abstract E multiply(E a, E b);

    /** g⁻¹ for an element known to belong to this group. */
    protected abstract E invert(E g);

    /** Equality within {@code tolerance} in the group's documented metric. */
    protected abstract boolean closeTo(E a, E b, double tolerance);

    /** g as an {@code E}, after checking it is an element of this group. */
    protected final E member(GroupElement g, String operation) {
        Objects.requireNonNull(g, "element");
        if (!elementType.isInstance(g) || !contains(g)) {
            throw new GroupMismatchException(name() + "." + operation + "(" + g + ")", name(), g.group().name());
        }
        return elementType.cast(g);
    }

    /** Groups are values: equal when they are the same kind of group with the same canonical name. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Group g && o.getClass() == getClass() && name().equals(g.name());
    }

    @Override
    public int hashCode() {
        return name().hashCode();
    }

    @Override
    public String toString() {
        return name();
    }
}
