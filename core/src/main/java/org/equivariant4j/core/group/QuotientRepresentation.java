package org.equivariant4j.core.group;

import java.util.Arrays;
import java.util.List;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.UnsupportedFeatureException;

/**
 * The permutation representation of a finite group G on the left cosets gH of a finite subgroup H.
 * Coset c is represented by its element of smallest index; cosets are numbered in the order of their
 * representatives, so the basis order is deterministic.
 */
final class QuotientRepresentation extends AbstractRepresentation {
    private final Subgroup subgroup;
    private final FiniteGroup parent;
    /** cosetOf[i] = the coset number of element i of G. */
    private final int[] cosetOf;
    /** representative[c] = index in G of the first element of coset c. */
    private final int[] representative;

    QuotientRepresentation(Subgroup subgroup) {
        super(subgroup.parent(), "quotient(" + subgroup.parent().name() + "/" + subgroup.subgroup().name()
                + (subgroup.id().isEmpty() ? "" : " (" + subgroup.id() + ")") + ")", cosetCount(subgroup));
        this.subgroup = subgroup;
        this.parent = subgroup.parent().asFinite();
        List<GroupElement> elements = parent.elements();
        List<GroupElement> h = subgroup.subgroup().asFinite().elements().stream().map(subgroup::embed).toList();
        this.cosetOf = new int[elements.size()];
        Arrays.fill(cosetOf, -1);
        this.representative = new int[dimension()];
        int next = 0;
        for (int i = 0; i < elements.size(); i++) {
            if (cosetOf[i] >= 0) {
                continue;
            }
            representative[next] = i;
            for (GroupElement x : h) {
                cosetOf[parent.indexOf(parent.compose(elements.get(i), x))] = next;
            }
            next++;
        }
    }

    private static int cosetCount(Subgroup subgroup) {
        if (!subgroup.parent().isFinite() || !subgroup.subgroup().isFinite()) {
            throw new UnsupportedFeatureException("quotient representation of " + subgroup.name()
                    + ": needs a finite group and a finite subgroup");
        }
        int g = subgroup.parent().asFinite().order();
        int h = subgroup.subgroup().asFinite().order();
        if (g % h != 0) {
            throw new InvalidArgumentException("quotient representation of " + subgroup.name() + ": |H| = " + h
                    + " does not divide |G| = " + g + ", so the embedding is not a subgroup");
        }
        return g / h;
    }

    @Override
    protected Matrix compute(GroupElement g) {
        List<GroupElement> elements = parent.elements();
        int[] target = new int[representative.length];
        for (int c = 0; c < target.length; c++) {
            target[c] = cosetOf[parent.indexOf(parent.compose(g, elements.get(representative[c])))];
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
        return o instanceof QuotientRepresentation q && subgroup.equals(q.subgroup);
    }

    @Override
    public int hashCode() {
        return subgroup.hashCode() * 31 + 3;
    }
}
