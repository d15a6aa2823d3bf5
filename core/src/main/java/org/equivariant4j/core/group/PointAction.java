package org.equivariant4j.core.group;

/**
 * An action of a finite group on the points {0, ..., n-1}: {@code apply(g, i)} is the point g sends i to. It
 * defines a permutation representation through {@link Representation#permutation}.
 */
@FunctionalInterface
public interface PointAction {

    /** The point that {@code g} sends {@code point} to, in [0, n). */
    int apply(GroupElement g, int point);
}
