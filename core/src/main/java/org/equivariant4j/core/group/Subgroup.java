package org.equivariant4j.core.group;

import java.util.Objects;
import java.util.function.Function;

import org.equivariant4j.core.error.GroupMismatchException;

/**
 * A subgroup H of a parent group G, given as an injective homomorphism (the embedding) H -> G.
 *
 * <p>A group may contain the same abstract subgroup in several ways (C2 inside D4 as the rotation by
 * pi or as one of the flips), so a subgroup carries an {@link #id()} distinguishing the embeddings;
 * equality is by (subgroup, parent, id). Built-in groups supply their subgroups
 * ({@code SO2.cyclic(4)}, {@code SO3.icosahedral()}...); representations restrict along them and
 * quotient representations permute their cosets.
 */
public final class Subgroup implements GroupHomomorphism {
    private final Group subgroup;
    private final Group parent;
    private final String id;
    private final Function<GroupElement, GroupElement> embedding;

    private Subgroup(Group subgroup, Group parent, String id, Function<GroupElement, GroupElement> embedding) {
        this.subgroup = Objects.requireNonNull(subgroup, "subgroup");
        this.parent = Objects.requireNonNull(parent, "parent");
        this.id = Objects.requireNonNull(id, "id");
        this.embedding = Objects.requireNonNull(embedding, "embedding");
    }

    /**
     * @param subgroup the group H
     * @param parent the group G
     * @param id distinguishes different embeddings of the same H in G; empty when there is one obvious one
     * @param embedding an injective homomorphism from H's elements to G's elements
     */
    public static Subgroup of(Group subgroup, Group parent, String id, Function<GroupElement, GroupElement> embedding) {
        return new Subgroup(subgroup, parent, id, embedding);
    }

    /** The subgroup H, as a group in its own right. */
    public Group subgroup() {
        return subgroup;
    }

    /** The parent group G. */
    public Group parent() {
        return parent;
    }

    /** Distinguishes embeddings of the same subgroup (empty if there is only the obvious one). */
    public String id() {
        return id;
    }

    /** The element of G that {@code h} (an element of H) is. */
    public GroupElement embed(GroupElement h) {
        if (!subgroup.contains(h)) {
            throw new GroupMismatchException("Subgroup " + name() + ".embed", subgroup.name(), h.group().name());
        }
        GroupElement g = embedding.apply(h);
        if (!parent.contains(g)) {
            throw new GroupMismatchException("Subgroup " + name() + " embedding result", parent.name(),
                    g.group().name());
        }
        return g;
    }

    /** The chain H &lt; G &lt; K, given this subgroup H &lt; G and {@code outer}, G &lt; K. */
    public Subgroup andThen(Subgroup outer) {
        if (!outer.subgroup.equals(parent)) {
            throw new GroupMismatchException("Subgroup " + name() + ".andThen(" + outer.name() + ")", parent.name(),
                    outer.subgroup.name());
        }
        // The intermediate group is part of the id: C4 < SO(3) via SO(2) differs from other copies of C4.
        String chained = "via " + parent.name() + (id.isEmpty() ? "" : " " + id)
                + (outer.id.isEmpty() ? "" : " " + outer.id);
        return new Subgroup(subgroup, outer.parent, chained, h -> outer.embed(embed(h)));
    }

    @Override
    public Group domain() {
        return subgroup;
    }

    @Override
    public Group codomain() {
        return parent;
    }

    @Override
    public GroupElement apply(GroupElement g) {
        return embed(g);
    }

    /** {@code "C4 < SO(2)"}, or {@code "C2 < D4 (flip)"} when an id is needed. */
    @Override
    public String name() {
        return subgroup.name() + " < " + parent.name() + (id.isEmpty() ? "" : " (" + id + ")");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Subgroup s && subgroup.equals(s.subgroup) && parent.equals(s.parent) && id.equals(s.id);
    }

    @Override
    public int hashCode() {
        return Objects.hash(subgroup, parent, id);
    }

    @Override
    public String toString() {
        return name();
    }
}
