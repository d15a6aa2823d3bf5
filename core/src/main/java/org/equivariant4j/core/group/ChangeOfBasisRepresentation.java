package org.equivariant4j.core.group;

import org.equivariant4j.core.error.ShapeMismatchException;

/** g -> Q ρ(g) Q⁻¹: the same representation in another basis. Characters, and so equivalence class, are unchanged. */
final class ChangeOfBasisRepresentation extends AbstractRepresentation {
    /** Tolerance for deciding that Q is orthogonal (so orthogonality of ρ is kept). */
    private static final double ORTHOGONAL_TOLERANCE = 1e-12;

    private final Representation base;
    private final Matrix q;
    private final Matrix qInverse;
    private final boolean orthogonal;
    private final boolean pointwise;

    ChangeOfBasisRepresentation(Representation base, Matrix q) {
        super(base.group(), "changeBasis(" + base.name() + ")", base.dimension());
        if (q.rows() != base.dimension() || q.columns() != base.dimension()) {
            throw new ShapeMismatchException("change of basis of " + base + ": Q must be " + base.dimension() + "x"
                    + base.dimension() + ", was " + q.shape());
        }
        this.base = base;
        this.q = q;
        this.qInverse = q.inverse();
        boolean qOrthogonal = q.isOrthogonal(ORTHOGONAL_TOLERANCE);
        this.orthogonal = base.isOrthogonal() && qOrthogonal;
        // Conjugating a permutation representation by a permutation keeps it one.
        this.pointwise = base.supportsPointwise() && q.isPermutation(0.0);
    }

    @Override
    protected Matrix compute(GroupElement g) {
        return q.multiply(base.matrix(g)).multiply(qInverse);
    }

    /** Characters are basis-independent. */
    @Override
    public double character(GroupElement g) {
        return base.character(requireMember(g));
    }

    @Override
    public boolean isOrthogonal() {
        return orthogonal;
    }

    @Override
    public boolean supportsPointwise() {
        return pointwise;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChangeOfBasisRepresentation c && base.equals(c.base) && q.equals(c.q);
    }

    @Override
    public int hashCode() {
        return 31 * base.hashCode() + q.hashCode();
    }
}
