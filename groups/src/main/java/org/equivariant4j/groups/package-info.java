/**
 * The built-in groups, plain float64 Java on {@code equivariant4j-core}: {@link org.equivariant4j.groups.CyclicGroup}
 * C_n and {@link org.equivariant4j.groups.DihedralGroup} D_n acting on the plane and the pixel grid,
 * {@link org.equivariant4j.groups.SO2} and {@link org.equivariant4j.groups.O2},
 * {@link org.equivariant4j.groups.SO3} (quaternions, Haar sampling, geodesic distance, uniform grids) with its
 * finite subgroups T, O, I ({@link org.equivariant4j.groups.FiniteRotationGroup}) and
 * {@link org.equivariant4j.groups.O3}, the Euclidean groups E(n), SE(n)
 * ({@link org.equivariant4j.groups.EuclideanGroup}), real irreps of each, real
 * {@link org.equivariant4j.groups.SphericalHarmonics} and {@link org.equivariant4j.groups.WignerD} matrices, and
 * {@link org.equivariant4j.groups.GroupNames} to parse canonical names.
 */
package org.equivariant4j.groups;
