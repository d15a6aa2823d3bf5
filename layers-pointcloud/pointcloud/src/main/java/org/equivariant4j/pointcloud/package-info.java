/**
 * Point clouds shared by the point-cloud methods: the batched {@link org.equivariant4j.pointcloud.PointCloud} with its
 * E(3) and permutation actions, bipartite nearest-neighbour edges, and (in {@code mesh}, {@code shapes}) the data side:
 * mesh readers for untrusted OFF/PLY files, an area-weighted surface sampler and synthetic shapes.
 */
package org.equivariant4j.pointcloud;
