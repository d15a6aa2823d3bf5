package org.equivariant4j.groups;

import org.equivariant4j.core.group.FiniteGroup;
import org.equivariant4j.core.group.GroupElement;
import org.equivariant4j.core.group.PointAction;
import org.equivariant4j.core.group.Representation;

/** The action of a planar point group on the four corners of a square, read off its standard representation. */
final class SquareCorners implements PointAction {
    private static final double[][] CORNERS = {{1, 1}, {-1, 1}, {-1, -1}, {1, -1}};
    private final Representation standard;

    SquareCorners(FiniteGroup group) {
        this.standard = Representation.standard(group);
    }

    @Override
    public int apply(GroupElement g, int corner) {
        double[] moved = standard.matrix(g).multiply(CORNERS[corner]);
        int nearest = 0;
        for (int c = 1; c < CORNERS.length; c++) {
            if (distance(moved, CORNERS[c]) < distance(moved, CORNERS[nearest])) {
                nearest = c;
            }
        }
        return nearest;
    }

    private static double distance(double[] a, double[] b) {
        return Math.hypot(a[0] - b[0], a[1] - b[1]);
    }

    /** The permutation representation of {@code group} on the corners. */
    static Representation of(FiniteGroup group) {
        return Representation.permutation(group, "corners", 4, new SquareCorners(group));
    }

}
