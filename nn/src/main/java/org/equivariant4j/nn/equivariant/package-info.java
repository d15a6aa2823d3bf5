/**
 * Generic equivariant building blocks for any finite group and any representation, written against
 * {@code core} only: {@link org.equivariant4j.nn.equivariant.EquivariantLinear} (weights spanned by a solved
 * {@link org.equivariant4j.nn.equivariant.IntertwinerBasis}), the nonlinearities
 * ({@link org.equivariant4j.nn.equivariant.PointwiseNonlinearity},
 * {@link org.equivariant4j.nn.equivariant.NormNonlinearity},
 * {@link org.equivariant4j.nn.equivariant.GatedNonlinearity}),
 * {@link org.equivariant4j.nn.equivariant.GroupPooling},
 * {@link org.equivariant4j.nn.equivariant.EquivariantBatchNorm} and the type-checked
 * {@link org.equivariant4j.nn.equivariant.EquivariantSequential}. A group from a third-party plugin is usable
 * with all of them as soon as it implements {@link org.equivariant4j.core.group.FiniteGroup}.
 */
package org.equivariant4j.nn.equivariant;
