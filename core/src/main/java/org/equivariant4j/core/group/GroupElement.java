package org.equivariant4j.core.group;

/**
 * An element of a {@link Group}: an immutable value that knows its group.
 *
 * <p>{@code toString()} is the element's canonical text form, used in every error message and parsed
 * back by {@link Group#parseElement(String)}; it starts with the group's name, e.g. {@code "C4[r1]"},
 * {@code "D4[r3;flip]"}, {@code "SO(3)[q=(w,x,y,z)]"}. {@code equals} is exact; use
 * {@link #isClose} to compare elements of continuous groups numerically.
 *
 * <p>The operations delegate to the group, which is the single authority on the group law.
 */
public interface GroupElement {

    /** The group this element belongs to. */
    Group group();

    /** {@code this·other}: acting, first {@code other}, then {@code this}. */
    default GroupElement compose(GroupElement other) {
        return group().compose(this, other);
    }

    /** {@code this⁻¹}. */
    default GroupElement inverse() {
        return group().inverse(this);
    }

    /** Equal to {@code other} within {@code tolerance}, in the metric of {@link Group#isClose}. */
    default boolean isClose(GroupElement other, double tolerance) {
        return group().isClose(this, other, tolerance);
    }
}
