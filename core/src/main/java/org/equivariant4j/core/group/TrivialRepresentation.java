package org.equivariant4j.core.group;

/** ρ(g) = [1] for every g: invariant scalars. One per group; equal to any other trivial representation of it. */
final class TrivialRepresentation extends AbstractRepresentation {
    private static final Matrix ONE = Matrix.identity(1);

    TrivialRepresentation(Group group) {
        super(group, "trivial", 1);
    }

    @Override
    protected Matrix compute(GroupElement g) {
        return ONE;
    }

    @Override
    public boolean isOrthogonal() {
        return true;
    }

    @Override
    public boolean supportsPointwise() {
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrivialRepresentation t && group().equals(t.group());
    }

    @Override
    public int hashCode() {
        return group().hashCode() * 31 + 1;
    }
}
