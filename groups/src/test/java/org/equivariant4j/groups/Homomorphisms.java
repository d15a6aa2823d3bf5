package org.equivariant4j.groups;

import static org.equivariant4j.testkit.group.GroupAssertions.assertThat;

import java.util.List;

import org.equivariant4j.core.group.GroupElement;
import org.equivariant4j.core.group.GroupHomomorphism;

/** Checks f(a·b) = f(a)·f(b) and f(e) = e on the domain's testing elements. */
final class Homomorphisms {
    private Homomorphisms() {
    }

    static void assertHomomorphism(GroupHomomorphism f) {
        List<GroupElement> elements = f.domain().testingElements();
        assertThat(f.apply(f.domain().identity())).as("%s maps e to e", f.name()).isCloseTo(f.codomain().identity(),
                1e-12);
        for (GroupElement a : elements) {
            for (GroupElement b : elements) {
                assertThat(f.apply(a.compose(b))).as("%s: f(a·b) = f(a)·f(b) for a = %s, b = %s", f.name(), a, b)
                        .isCloseTo(f.apply(a).compose(f.apply(b)), 1e-9);
            }
        }
    }
}
