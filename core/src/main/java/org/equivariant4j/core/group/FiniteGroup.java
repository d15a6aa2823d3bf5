package org.equivariant4j.core.group;

import java.util.List;

import org.equivariant4j.core.tensor.Rng;

/**
 * A finite group: its elements can be listed and indexed, it has a finite generating set (used to
 * solve equivariance constraints: commuting with the generators is commuting with the group), and its
 * irreducible representations over the reals are all known.
 *
 * <p>The index of an element is its position in {@link #elements()}; the regular and quotient
 * representations use these indices as their basis order.
 */
public interface FiniteGroup extends Group {

    /** All elements, each exactly once, in a fixed order (the basis order of the regular representation). */
    List<GroupElement> elements();

    /** The number of elements. */
    default int order() {
        return elements().size();
    }

    /**
     * The position of {@code g} in {@link #elements()}.
     *
     * @throws org.equivariant4j.core.error.GroupMismatchException if g is not an element of this group
     */
    int indexOf(GroupElement g);

    /** A generating set: every element is a product of generators (empty for the trivial group). */
    List<GroupElement> generators();

    /**
     * Every real irreducible representation, each up to isomorphism exactly once, the trivial one first.
     * Over the reals an irrep ψ has {@code <χψ, χψ>} = 1, 2 or 4 (real, complex or quaternionic type),
     * and {@code Σ dim(ψ)² / <χψ, χψ> = order()}; the contract tests check both.
     */
    List<Representation> irreps();

    /** All elements: a finite group is tested on every element. */
    @Override
    default List<GroupElement> testingElements() {
        return elements();
    }

    /** A uniformly random element (the Haar measure of a finite group). */
    @Override
    default GroupElement sample(Rng rng) {
        return elements().get(rng.nextInt(order()));
    }
}
