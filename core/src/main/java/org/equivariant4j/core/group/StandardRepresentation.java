package org.equivariant4j.core.group;

import org.equivariant4j.core.error.UnsupportedFeatureException;

/** The linear part of a group's isometric action on R^d ({@link EuclideanAction#linearPart()}). */
final class StandardRepresentation extends AbstractRepresentation {

    StandardRepresentation(Group group) {
        super(group, "standard", spaceDimension(group));
    }

    private static int spaceDimension(Group group) {
        if (group.identity() instanceof EuclideanAction action) {
            return action.spaceDimension();
        }
        throw new UnsupportedFeatureException("standard representation of " + group.name() + ": its elements do"
                + " not act on R^d (they do not implement EuclideanAction); use regular, trivial or irreps instead");
    }

    @Override
    protected Matrix compute(GroupElement g) {
        return ((EuclideanAction) g).linearPart();
    }

    @Override
    public boolean isOrthogonal() {
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StandardRepresentation s && group().equals(s.group());
    }

    @Override
    public int hashCode() {
        return group().hashCode() * 31 + 4;
    }
}
