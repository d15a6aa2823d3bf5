package org.equivariant4j.core.group;

import java.util.List;

/** ρ(g) e_h = e_{g·h} on the elements of a finite group, in the order of {@link FiniteGroup#elements()}. */
final class RegularRepresentation extends AbstractRepresentation {
    private final FiniteGroup finite;

    RegularRepresentation(FiniteGroup group) {
        super(group, "regular", group.order());
        this.finite = group;
    }

    @Override
    protected Matrix compute(GroupElement g) {
        List<GroupElement> elements = finite.elements();
        int[] target = new int[elements.size()];
        for (int j = 0; j < target.length; j++) {
            target[j] = finite.indexOf(finite.compose(g, elements.get(j)));
        }
        return Matrix.permutation(target);
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
        return o instanceof RegularRepresentation r && group().equals(r.group());
    }

    @Override
    public int hashCode() {
        return group().hashCode() * 31 + 2;
    }
}
