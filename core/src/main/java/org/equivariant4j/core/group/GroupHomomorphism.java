package org.equivariant4j.core.group;

/**
 * A map between groups that respects the group law: {@code f(a·b) = f(a)·f(b)}. Representations are
 * pulled back along homomorphisms ({@link Representation#pullback}): restriction to a
 * {@link Subgroup} pulls back along the embedding, and E(3)'s irreps are O(3)'s pulled back along the
 * projection onto the rotation part.
 */
public interface GroupHomomorphism {

    /** The group the map starts from. */
    Group domain();

    /** The group the map lands in. */
    Group codomain();

    /** {@code f(g)} for an element g of {@link #domain()}. */
    GroupElement apply(GroupElement g);

    /** A canonical description, e.g. {@code "C4 < SO(2)"} or {@code "E(3) -> O(3)"}; used in representation names. */
    String name();
}
