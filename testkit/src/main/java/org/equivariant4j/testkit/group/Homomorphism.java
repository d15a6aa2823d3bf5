package org.equivariant4j.testkit.group;

import static org.equivariant4j.testkit.group.GroupAssertions.assertThat;

import java.util.List;
import java.util.function.UnaryOperator;

import org.equivariant4j.core.group.GroupElement;
import org.equivariant4j.core.group.Matrix;
import org.equivariant4j.core.group.Representation;

/**
 * The homomorphism axiom ρ(g·h) = ρ(g)ρ(h), checked matrix by matrix: shared by the representation contract and
 * the group contract's irreps. Characters alone cannot see it: a transposed irrep g ↦ ρ(g)ᵀ has the same
 * characters but reverses products.
 */
final class Homomorphism {

    private Homomorphism() {
    }

    /** ρ(g·h) = ρ(g)ρ(h) for every h in {@code others}; {@code context} prefixes each failure's description. */
    static void assertAt(Representation rho, GroupElement g, List<GroupElement> others, double tolerance,
            UnaryOperator<String> context) {
        Matrix rg = rho.matrix(g);
        for (GroupElement h : others) {
            Matrix expected = rg.multiply(rho.matrix(h));
            assertThat(rho.matrix(rho.group().compose(g, h)))
                    .as(context.apply("ρ(g·h) = ρ(g)ρ(h) of " + rho + " for g = " + g + ", h = " + h))
                    .isCloseTo(expected, tolerance);
        }
    }
}
