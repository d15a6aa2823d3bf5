package org.equivariant4j.core.group;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import org.equivariant4j.core.error.TextFormatException;

/**
 * A finite group defined by its {@link CayleyTable}: the group law, inverses, the element list, generators and the
 * element text {@code "Name[i]"} all come from the table, so a group author (built-in or plugin) supplies only how
 * the table is made and what the irreps are.
 *
 * @param <E> the element type, a {@link TableElement}
 */
public abstract class TableGroup<E extends TableElement> extends AbstractGroup<E> implements FiniteGroup {
    private final String name;
    private final CayleyTable<?> table;
    private final List<GroupElement> elements;
    private final List<GroupElement> generators;

    /**
     * @param element makes the element of index i, e.g. {@code Element::new} for a constructor
     *                {@code Element(MyGroup group, int index)}
     */
    protected TableGroup(Class<E> elementType, String name, CayleyTable<?> table, BiFunction<TableGroup<E>, Integer, E> element) {
        super(elementType);
        this.name = name;
        this.table = table;
        List<GroupElement> list = new ArrayList<>(table.size());
        for (int i = 0; i < table.size(); i++) {
            list.add(element.apply(this, i));
        }
        this.elements = List.copyOf(list);
        List<GroupElement> gens = new ArrayList<>();
        for (int s = 0; s < table.generatorCount(); s++) {
            gens.add(elements.get(table.generator(s)));
        }
        this.generators = List.copyOf(gens);
    }

    @Override
    public final String name() {
        return name;
    }

    /** The element of index i. */
    @SuppressWarnings("unchecked")
    protected final E element(int index) {
        return (E) elements.get(index);
    }

    @Override
    public final E identity() {
        return element(0);
    }

    @Override
    protected final E multiply(E a, E b) {
        return element(table.product(a.index(), b.index()));
    }

    @Override
    protected final E invert(E g) {
        return element(table.inverse(g.index()));
    }

    /** Elements of a finite group are close only when equal. */
    @Override
    protected final boolean closeTo(E a, E b, double tolerance) {
        return a.equals(b);
    }

    @Override
    public final List<GroupElement> elements() {
        return elements;
    }

    @Override
    public final int indexOf(GroupElement g) {
        return member(g, "indexOf").index();
    }

    @Override
    public final List<GroupElement> generators() {
        return generators;
    }

    /** Reads {@code "Name[i]"} with 0 &lt;= i &lt; order, the text of {@link TableElement#toString()}. */
    @Override
    public final E parseElement(String text) {
        String form = name + "[<i>] with 0 <= i < " + order();
        String t = text == null ? "" : text.trim();
        if (t.startsWith(name + "[") && t.endsWith("]")) {
            try {
                int i = Integer.parseInt(t.substring(name.length() + 1, t.length() - 1).trim());
                if (i >= 0 && i < order()) {
                    return element(i);
                }
            } catch (NumberFormatException e) {
                // explained below
            }
        }
        throw new TextFormatException(text, form);
    }
}
