package org.equivariant4j.core.group;

/**
 * An element of a {@link TableGroup}: its group and its index in the group's deterministic element order. Equal
 * when group and index are; printed {@code "O[5]"}, the text {@link TableGroup#parseElement} reads back.
 */
public abstract class TableElement implements GroupElement {
    private final TableGroup<?> group;
    private final int index;

    protected TableElement(TableGroup<?> group, int index) {
        this.group = group;
        this.index = index;
    }

    @Override
    public TableGroup<?> group() {
        return group;
    }

    /** The position of this element in {@link FiniteGroup#elements()}. */
    public final int index() {
        return index;
    }

    @Override
    public final boolean equals(Object o) {
        return o instanceof TableElement e && index == e.index && group.equals(e.group);
    }

    @Override
    public final int hashCode() {
        return group.name().hashCode() * 97 + index;
    }

    @Override
    public final String toString() {
        return group.name() + "[" + index + "]";
    }
}
