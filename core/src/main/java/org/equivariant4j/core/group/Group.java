package org.equivariant4j.core.group;

import java.util.List;

import org.equivariant4j.core.error.UnknownIdException;
import org.equivariant4j.core.error.UnsupportedFeatureException;
import org.equivariant4j.core.tensor.Rng;

/**
 * A symmetry group: the type every equivariance contract is stated over.
 *
 * <p>A group is an immutable value identified by its canonical {@link #name()} ({@code "C4"},
 * {@code "D8"}, {@code "SO(3)"}, {@code "E(3)"}...): two instances with the same name are equal.
 * The group is the authority on its law ({@link #compose}, {@link #inverse}, {@link #identity});
 * elements delegate to it, so a group can be swapped for a deliberately broken one in tests.
 *
 * <p>Finite groups implement {@link FiniteGroup} (elements, order, generators, all irreps);
 * compact continuous groups implement {@link CompactLieGroup} (grids, band-limited irreps). Every
 * group supplies a finite, deterministic set of {@link #testingElements()} (escnn's idea: each group
 * knows which elements exercise it) and a Haar {@link #sample(Rng)}.
 *
 * <p>Group math is plain float64 Java with no engine, so a third-party group plugin compiles
 * against {@code core} alone. Implementations check that arguments belong to this group and throw
 * {@link org.equivariant4j.core.error.GroupMismatchException} otherwise.
 */
public interface Group {

    /** The canonical, parseable name, e.g. {@code "D4"} (order 8), {@code "SO(3)"}. */
    String name();

    /** The neutral element e. */
    GroupElement identity();

    /** The product {@code a·b} (apply b first, then a, when the group acts on something). */
    GroupElement compose(GroupElement a, GroupElement b);

    /** The inverse {@code g⁻¹}. */
    GroupElement inverse(GroupElement g);

    /**
     * Whether two elements of this group are equal to within {@code tolerance}, in a metric the group
     * documents (finite groups: exact equality; SO(3): geodesic angle). Element {@code equals} is exact.
     */
    boolean isClose(GroupElement a, GroupElement b, double tolerance);

    /**
     * A finite, deterministic, well-spread set of elements that exercises the group in contract tests:
     * all elements of a small finite group, a fixed spread-out set for a continuous one. Includes the
     * identity. The same list (in the same order) on every call.
     */
    List<GroupElement> testingElements();

    /**
     * A random element drawn from {@code rng}: Haar-uniform for compact groups; non-compact groups
     * (E(n), SE(n)) document their distribution.
     */
    GroupElement sample(Rng rng);

    /**
     * The irreducible representation with the given id (e.g. {@code "1"} for C4, {@code "(1,2)"} for D8,
     * {@code "2"} for SO(3), {@code "1o"} for O(3)).
     *
     * @throws UnknownIdException listing the known ids or id patterns
     */
    Representation irrep(String id);

    /**
     * Parses an element's canonical text form (its {@code toString()}, e.g. {@code "D4[r1;flip]"}):
     * {@code parseElement(g.toString())} is {@code g} (within {@link #isClose} tolerance 1e-12 for
     * continuous groups).
     *
     * @throws org.equivariant4j.core.error.TextFormatException quoting the input and the expected form
     */
    GroupElement parseElement(String text);

    /** Whether this group is finite; true exactly for {@link FiniteGroup}s. */
    default boolean isFinite() {
        return this instanceof FiniteGroup;
    }

    /**
     * This group as a {@link FiniteGroup}.
     *
     * @throws UnsupportedFeatureException for continuous groups, naming the group
     */
    default FiniteGroup asFinite() {
        if (this instanceof FiniteGroup f) {
            return f;
        }
        throw new UnsupportedFeatureException(name() + " is not finite: it has no element list, order or"
                + " generators; use testingElements(), sample(rng) or, for compact groups, grid(n)");
    }

    /** Whether {@code g} is an element of this group (its {@link GroupElement#group()} equals this). */
    default boolean contains(GroupElement g) {
        return equals(g.group());
    }
}
