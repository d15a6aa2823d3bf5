/**
 * Regular group convolutions on pixel and voxel grids (G-CNNs): {@link org.equivariant4j.gconv.regular.LiftingConv2d},
 * {@link org.equivariant4j.gconv.regular.GroupConv2d}, {@link org.equivariant4j.gconv.regular.LiftingConv3d},
 * {@link org.equivariant4j.gconv.regular.GroupConv3d}, their {@link org.equivariant4j.gconv.regular.KernelTransform}
 * and the field types in {@link org.equivariant4j.gconv.regular.RegularFields}.
 */
package org.equivariant4j.gconv.regular;
