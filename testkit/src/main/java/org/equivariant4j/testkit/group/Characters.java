package org.equivariant4j.testkit.group;

import org.equivariant4j.core.group.FiniteGroup;
import org.equivariant4j.core.group.GroupElement;
import org.equivariant4j.core.group.Representation;

/** The inner product of characters of a finite group, {@code <χ, χ'> = (1/|G|) Σ_g χ(g) χ'(g)} (real characters). */
final class Characters {
    private Characters() {
    }

    static double inner(FiniteGroup group, Representation a, Representation b) {
        double s = 0;
        for (GroupElement g : group.elements()) {
            s += a.character(g) * b.character(g);
        }
        return s / group.order();
    }
}
