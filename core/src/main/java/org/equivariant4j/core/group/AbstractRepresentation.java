package org.equivariant4j.core.group;

import java.util.Objects;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.GroupMismatchException;

/**
 * A skeleton for {@link Representation}s: holds the group, name and dimension, checks that every
 * element passed to {@link #matrix} belongs to the group (so a C4 element given to a D4
 * representation fails naming both groups), and prints {@code "name of group"}.
 * Subclasses compute the matrix in {@link #compute} and define equality.
 */
public abstract class AbstractRepresentation implements Representation {
    private final Group group;
    private final String name;
    private final int dimension;

    protected AbstractRepresentation(Group group, String name, int dimension) {
        this.group = Objects.requireNonNull(group, "group");
        this.name = Objects.requireNonNull(name, "name");
        if (dimension <= 0) {
            throw new InvalidArgumentException("representation " + name + " of " + group.name()
                    + ": dimension must be positive, was " + dimension);
        }
        this.dimension = dimension;
    }

    @Override
    public final Group group() {
        return group;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final int dimension() {
        return dimension;
    }

    @Override
    public final Matrix matrix(GroupElement g) {
        return compute(requireMember(g));
    }

    /** ρ(g) for an element already checked to belong to {@link #group()}. */
    protected abstract Matrix compute(GroupElement g);

    /** Returns g if it belongs to this representation's group; throws naming both groups otherwise. */
    protected final GroupElement requireMember(GroupElement g) {
        if (!group.contains(g)) {
            throw new GroupMismatchException("representation " + this + " applied to " + g, group.name(),
                    g.group().name());
        }
        return g;
    }

    /** {@code "irrep(1) of C4"}. */
    @Override
    public String toString() {
        return name + " of " + group.name();
    }
}
