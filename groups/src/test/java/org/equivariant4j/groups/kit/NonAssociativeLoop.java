package org.equivariant4j.groups.kit;

import java.util.ArrayList;
import java.util.List;

import org.equivariant4j.core.error.TextFormatException;
import org.equivariant4j.core.group.FiniteGroup;
import org.equivariant4j.core.group.GroupElement;
import org.equivariant4j.core.group.Representation;

/**
 * A negative control: the smallest loop that is not a group. Five elements, a Latin-square multiplication
 * table with identity 0 and every element its own two-sided inverse, so identity, inverse and closure all
 * hold, but associativity does not (no group of order 5 has every element self-inverse). Written directly
 * against {@link FiniteGroup}, as a third party would.
 */
final class NonAssociativeLoop implements FiniteGroup {
    private static final int[][] TABLE = {
        {0, 1, 2, 3, 4},
        {1, 0, 3, 4, 2},
        {2, 4, 0, 1, 3},
        {3, 2, 4, 0, 1},
        {4, 3, 1, 2, 0}};

    private final List<GroupElement> elements;

    NonAssociativeLoop() {
        List<GroupElement> list = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            list.add(new Element(this, i));
        }
        elements = List.copyOf(list);
    }

    record Element(NonAssociativeLoop group, int index) implements GroupElement {
        @Override
        public String toString() {
            return "L5[" + index + "]";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Element e && e.index == index;
        }

        @Override
        public int hashCode() {
            return index;
        }
    }

    @Override
    public String name() {
        return "L5";
    }

    @Override
    public GroupElement identity() {
        return elements.get(0);
    }

    @Override
    public GroupElement compose(GroupElement a, GroupElement b) {
        return elements.get(TABLE[((Element) a).index][((Element) b).index]);
    }

    @Override
    public GroupElement inverse(GroupElement g) {
        return g;
    }

    @Override
    public boolean isClose(GroupElement a, GroupElement b, double tolerance) {
        return a.equals(b);
    }

    @Override
    public List<GroupElement> elements() {
        return elements;
    }

    @Override
    public int indexOf(GroupElement g) {
        return ((Element) g).index;
    }

    @Override
    public List<GroupElement> generators() {
        return elements.subList(1, 5);
    }

    @Override
    public List<Representation> irreps() {
        return List.of(Representation.trivial(this));
    }

    @Override
    public Representation irrep(String id) {
        return Representation.trivial(this);
    }

    @Override
    public GroupElement parseElement(String text) {
        if (!text.startsWith("L5[") || !text.endsWith("]")) {
            throw new TextFormatException(text, "L5[<i>]");
        }
        return elements.get(Integer.parseInt(text.substring(3, text.length() - 1)));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NonAssociativeLoop;
    }

    @Override
    public int hashCode() {
        return 5;
    }

    @Override
    public String toString() {
        return name();
    }
}
