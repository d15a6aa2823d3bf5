package org.equivariant4j.core.group;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.ShapeMismatchException;

/**
 * g -> Bᵀ ρ(g) B: ρ restricted to the invariant subspace spanned by the orthonormal columns of B. Used to
 * split reducible representations, e.g. the 4-dimensional irrep of the icosahedral group is its
 * permutation representation on 5 cosets with the invariant diagonal removed.
 */
final class InvariantSubspaceRepresentation extends AbstractRepresentation {
    /** Columns of B must be orthonormal, and ρ(g)B must stay in span(B), to this tolerance. */
    private static final double TOLERANCE = 1e-9;

    private final Representation base;
    private final Matrix basis;
    private final Matrix basisTransposed;

    InvariantSubspaceRepresentation(Representation base, Matrix basis) {
        super(base.group(), "subspace(" + base.name() + ")", basis.columns());
        if (basis.rows() != base.dimension() || basis.columns() > basis.rows()) {
            throw new ShapeMismatchException("invariant subspace of " + base + ": basis must be " + base.dimension()
                    + "xm with m <= " + base.dimension() + ", was " + basis.shape());
        }
        this.base = base;
        this.basis = basis;
        this.basisTransposed = basis.transpose();
        if (!basisTransposed.multiply(basis).isClose(Matrix.identity(basis.columns()), TOLERANCE)) {
            throw new InvalidArgumentException("invariant subspace of " + base + ": the columns of the basis are not"
                    + " orthonormal: " + basis);
        }
        Matrix projector = basis.multiply(basisTransposed);
        for (GroupElement g : base.group().testingElements()) {
            Matrix image = base.matrix(g).multiply(basis);
            double leak = projector.multiply(image).maxAbsDifference(image);
            if (!(leak <= TOLERANCE)) {
                throw new InvalidArgumentException("invariant subspace of " + base + ": the span of the basis is not"
                        + " invariant under " + g + " (expected ρ(g)B in span(B) but it leaves by " + leak + ")");
            }
        }
    }

    @Override
    protected Matrix compute(GroupElement g) {
        return basisTransposed.multiply(base.matrix(g)).multiply(basis);
    }

    @Override
    public boolean isOrthogonal() {
        return base.isOrthogonal();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InvariantSubspaceRepresentation s && base.equals(s.base) && basis.equals(s.basis);
    }

    @Override
    public int hashCode() {
        return 31 * base.hashCode() + basis.hashCode() + 7;
    }
}
