package org.equivariant4j.core.group;

import java.util.Objects;
import java.util.function.Function;

/**
 * An irreducible representation supplied by its group, identified by a group-specific id ({@code "1"}
 * for C4, {@code "(1,2)"} for D8, {@code "2"} for SO(3), {@code "1o"} for O(3), {@code "T1"} for the
 * octahedral group). Named {@code "irrep(<id>)"}; equal when group and id are equal, so
 * {@code group.irrep(r.id())} round-trips. (The trivial irrep of every built-in group is
 * {@link Representation#trivial(Group)} itself, not an instance of this class.)
 *
 * <p>Third-party groups build their irreps with {@link #of}; the contract tests then check the
 * homomorphism property and, for finite groups, character orthogonality and completeness.
 */
public final class IrreducibleRepresentation extends AbstractRepresentation {
    private final String id;
    private final boolean orthogonal;
    private final Function<GroupElement, Matrix> matrices;

    private IrreducibleRepresentation(Group group, String id, int dimension, boolean orthogonal,
            Function<GroupElement, Matrix> matrices) {
        super(group, "irrep(" + id + ")", dimension);
        this.id = id;
        this.orthogonal = orthogonal;
        this.matrices = Objects.requireNonNull(matrices, "matrices");
    }

    /**
     * @param group the group represented
     * @param id the id the group's {@link Group#irrep(String)} accepts for it
     * @param dimension its dimension
     * @param orthogonal whether every matrix is orthogonal (checked by the contract tests)
     * @param matrices g -> ρ(g), called only with elements of {@code group}
     */
    public static IrreducibleRepresentation of(Group group, String id, int dimension, boolean orthogonal,
            Function<GroupElement, Matrix> matrices) {
        return new IrreducibleRepresentation(group, id, dimension, orthogonal, matrices);
    }

    /** The id within the group, e.g. {@code "(1,2)"}. */
    public String id() {
        return id;
    }

    @Override
    protected Matrix compute(GroupElement g) {
        return matrices.apply(g);
    }

    @Override
    public boolean isOrthogonal() {
        return orthogonal;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IrreducibleRepresentation r && group().equals(r.group()) && id.equals(r.id);
    }

    @Override
    public int hashCode() {
        return 31 * group().hashCode() + id.hashCode();
    }
}
