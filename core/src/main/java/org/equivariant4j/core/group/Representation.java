package org.equivariant4j.core.group;

import java.util.ArrayList;
import java.util.List;

/**
 * A finite-dimensional real representation ρ of a {@link Group}: a homomorphism g -> ρ(g) into
 * invertible {@link #dimension()} x {@link #dimension()} matrices, {@code ρ(g·h) = ρ(g) ρ(h)}. It says
 * how the feature channels of a field transform; a {@code FieldType} is a domain plus a representation.
 *
 * <p>Representations are immutable values with a canonical {@link #name()} within their group
 * ({@code "regular"}, {@code "irrep(1)"}, {@code "2x regular + trivial"}); {@code toString()} adds the
 * group ({@code "regular of C4"}). Built-ins are made by the static factories here and by each group's
 * {@link Group#irrep(String)}; the default methods combine them.
 *
 * <p>Two declared properties are checked by the contract tests: {@link #isOrthogonal()} (every ρ(g) is
 * orthogonal) and {@link #supportsPointwise()} (every ρ(g) is a permutation matrix, so a pointwise
 * nonlinearity commutes with the action).
 */
public interface Representation {

    /** The group represented. */
    Group group();

    /** The canonical name within the group, e.g. {@code "irrep(1)"}. */
    String name();

    /** The dimension n of the space acted on. */
    int dimension();

    /**
     * ρ(g), an n x n matrix.
     *
     * @throws org.equivariant4j.core.error.GroupMismatchException if g is not an element of {@link #group()}
     */
    Matrix matrix(GroupElement g);

    /** The character χ(g) = trace ρ(g). */
    default double character(GroupElement g) {
        return matrix(g).trace();
    }

    /** Whether every ρ(g) is orthogonal (ρ(g)ᵀ ρ(g) = I), so that ρ(g⁻¹) = ρ(g)ᵀ. */
    boolean isOrthogonal();

    /**
     * Whether every ρ(g) is a permutation matrix (trivial, regular, quotient representations and their
     * sums), which is exactly when an elementwise nonlinearity such as ReLU commutes with the action.
     */
    default boolean supportsPointwise() {
        return false;
    }

    // ------------------------------------------------------------------ combinators

    /** ρ ⊕ other: block-diagonal matrices; both must represent the same group. */
    default Representation directSum(Representation other) {
        return directSum(List.of(this, other));
    }

    /** ρ ⊗ other: Kronecker products of the matrices; both must represent the same group. */
    default Representation tensor(Representation other) {
        return new TensorProductRepresentation(this, other);
    }

    /** The equivalent representation g -> Q ρ(g) Q⁻¹ for an invertible n x n matrix Q. */
    default Representation changeBasis(Matrix q) {
        return new ChangeOfBasisRepresentation(this, q);
    }

    /**
     * The subrepresentation on an invariant subspace: g -> Bᵀ ρ(g) B for an n x m matrix B with orthonormal
     * columns spanning a subspace every ρ(g) maps into itself (checked on the testing elements).
     */
    default Representation onInvariantSubspace(Matrix basis) {
        return new InvariantSubspaceRepresentation(this, basis);
    }

    /** The restriction to a subgroup H: h -> ρ(embed(h)), a representation of H. */
    default Representation restrict(Subgroup subgroup) {
        return new PulledBackRepresentation(this, subgroup);
    }

    /** The pull-back along a homomorphism f: K -> G: k -> ρ(f(k)), a representation of K. */
    default Representation pullback(GroupHomomorphism homomorphism) {
        return new PulledBackRepresentation(this, homomorphism);
    }

    // ------------------------------------------------------------------ built-ins

    /** The 1-dimensional trivial representation ρ(g) = [1]: invariant scalars. */
    static Representation trivial(Group group) {
        return new TrivialRepresentation(group);
    }

    /**
     * The regular representation of a finite group, read off its multiplication table: ρ(g) sends basis
     * vector e_h to e_{g·h}, in the order of {@link FiniteGroup#elements()}. It contains every irrep ψ
     * with multiplicity dim(ψ) / {@code <χψ, χψ>}.
     */
    static Representation regular(FiniteGroup group) {
        return new RegularRepresentation(group);
    }

    /**
     * The quotient (permutation) representation of a finite group G on the left cosets G/H of a subgroup
     * H: ρ(g) sends the coset cH to gcH. For H trivial this is the regular representation, for H = G the
     * trivial one.
     */
    static Representation quotient(Subgroup subgroup) {
        return new QuotientRepresentation(subgroup);
    }

    /**
     * The permutation representation of a finite group acting on {@code points} points: ρ(g) sends basis vector
     * e_i to e_{g·i}, where g·i = {@code action.apply(g, i)}. One line declares, for example, D4 acting on the
     * four corners of a square, and the result keeps pointwise nonlinearities allowed ({@link #supportsPointwise()}),
     * which {@link #changeBasis} of a regular representation does not promise.
     *
     * <pre>{@code
     * Representation corners = Representation.permutation(d4, "corners", 4, (g, i) -> cornerAfter(g, i));
     * }</pre>
     *
     * @param name the canonical name within the group, e.g. {@code "corners"}
     * @throws org.equivariant4j.core.error.InvalidRepresentationException naming the element and point where the
     *         action is not a permutation or not an action ((g·h)·i must equal g·(h·i))
     */
    static Representation permutation(FiniteGroup group, String name, int points, PointAction action) {
        return new PermutationRepresentation(group, name, points, action);
    }

    /**
     * The standard representation: the linear part of the group's action on R^d (2x2 rotations and
     * reflections for C_n, D_n, SO(2), O(2); 3x3 for SO(3), O(3) and their finite subgroups; the rotation
     * part for E(n), SE(n)). Requires elements implementing {@link EuclideanAction}.
     *
     * @throws org.equivariant4j.core.error.UnsupportedFeatureException for groups that do not act on R^d
     */
    static Representation standard(Group group) {
        return new StandardRepresentation(group);
    }

    /** The direct sum of one or more representations of the same group, in order. */
    static Representation directSum(List<Representation> parts) {
        List<Representation> flat = new ArrayList<>();
        for (Representation p : parts) {
            // Flattening keeps the name canonical: (a + b) + c and a + (b + c) are the same value.
            if (p instanceof DirectSumRepresentation sum) {
                flat.addAll(sum.parts());
            } else {
                flat.add(p);
            }
        }
        return new DirectSumRepresentation(flat);
    }
}
