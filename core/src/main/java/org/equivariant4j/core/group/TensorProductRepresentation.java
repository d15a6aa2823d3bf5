package org.equivariant4j.core.group;

import org.equivariant4j.core.error.GroupMismatchException;

/** ρ ⊗ σ: g -> ρ(g) ⊗ σ(g) (Kronecker product; the index of σ runs fastest). */
final class TensorProductRepresentation extends AbstractRepresentation {
    private final Representation left;
    private final Representation right;

    TensorProductRepresentation(Representation left, Representation right) {
        super(left.group(), wrap(left.name()) + "⊗" + wrap(right.name()), left.dimension() * right.dimension());
        if (!left.group().equals(right.group())) {
            throw new GroupMismatchException("tensor product of " + left + " and " + right, left.group().name(),
                    right.group().name());
        }
        this.left = left;
        this.right = right;
    }

    private static String wrap(String name) {
        return name.contains(" ") || name.contains("⊗") ? "(" + name + ")" : name;
    }

    @Override
    protected Matrix compute(GroupElement g) {
        return left.matrix(g).kronecker(right.matrix(g));
    }

    @Override
    public double character(GroupElement g) {
        return left.character(requireMember(g)) * right.character(g);
    }

    @Override
    public boolean isOrthogonal() {
        return left.isOrthogonal() && right.isOrthogonal();
    }

    /** The Kronecker product of two permutation matrices is a permutation matrix. */
    @Override
    public boolean supportsPointwise() {
        return left.supportsPointwise() && right.supportsPointwise();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorProductRepresentation t && left.equals(t.left) && right.equals(t.right);
    }

    @Override
    public int hashCode() {
        return 31 * left.hashCode() + right.hashCode() + 5;
    }
}
