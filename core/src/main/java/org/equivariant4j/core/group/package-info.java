/**
 * Groups and their representations, in plain float64 Java so that a third-party group compiles against
 * {@code core} alone: {@link org.equivariant4j.core.group.Group} and
 * {@link org.equivariant4j.core.group.GroupElement} (with {@link org.equivariant4j.core.group.FiniteGroup}
 * and {@link org.equivariant4j.core.group.CompactLieGroup}), the action on space
 * {@link org.equivariant4j.core.group.EuclideanAction}, {@link org.equivariant4j.core.group.Subgroup}s and
 * {@link org.equivariant4j.core.group.GroupHomomorphism}s, and
 * {@link org.equivariant4j.core.group.Representation} with its built-ins (trivial, regular, quotient,
 * standard, irreps) and combinators (direct sum, tensor product, change of basis, restriction), valued in
 * the immutable {@link org.equivariant4j.core.group.Matrix}. The concrete groups live in the
 * {@code equivariant4j-groups} module.
 */
package org.equivariant4j.core.group;
