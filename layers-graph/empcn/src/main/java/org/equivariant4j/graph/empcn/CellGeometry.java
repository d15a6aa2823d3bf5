package org.equivariant4j.graph.empcn;

import org.equivariant4j.core.tensor.Tensor;

/**
 * The E(n)-invariant attributes of the cells of a {@link CellComplex} at given node positions, each
 * computed for all cells at once (gathers and segment reductions, no loop over cells):
 * <ul>
 *   <li>{@link #edgeLengthSquared()} {@code [M, 1]}: |x_u − x_v|²;</li>
 *   <li>{@link #ringArea()} {@code [R, 1]}: the area of the fan of triangles from the ring's centroid to
 *       its boundary edges (the area of a triangle; for a planar convex polygon its area), in any dimension
 *       through the Gram determinant {@code ½ sqrt(|a|²|b|² − (a·b)²)};</li>
 *   <li>{@link #ringEdgeCentroidDistanceSquared()} {@code [Q, 1]}: |c_edge − c_ring|² of each edge-ring
 *       incidence (centroids are node means).</li>
 * </ul>
 * Rigid motions and reflections leave all three unchanged; a node permutation permutes nothing here
 * but the node indices inside the complex.
 */
public record CellGeometry(Tensor edgeLengthSquared, Tensor ringArea, Tensor ringEdgeCentroidDistanceSquared) {
    /** Keeps sqrt differentiable at degenerate (collinear) fan triangles. */
    private static final double AREA_EPSILON = 1e-12;

    /** The invariants of {@code complex} at {@code positions} {@code [N, n]}. */
    public static CellGeometry of(CellComplex complex, Tensor positions) {
        Tensor xu = positions.indexSelect(0, complex.edgeFirst());
        Tensor xv = positions.indexSelect(0, complex.edgeSecond());
        Tensor d = xu.sub(xv);
        Tensor lengthSquared = d.mul(d).sum(1, true);
        int rings = complex.numRings();
        if (rings == 0) {
            return new CellGeometry(lengthSquared, null, null);
        }
        Tensor ringCentroid = positions.indexSelect(0, complex.ringNode()).segmentMean(complex.ringBoundaryRing(), rings);
        Tensor cq = ringCentroid.indexSelect(0, complex.ringBoundaryRing());
        Tensor edgeCentroid = xu.add(xv).mul(0.5).indexSelect(0, complex.ringBoundaryEdge());
        Tensor a = xu.indexSelect(0, complex.ringBoundaryEdge()).sub(cq);
        Tensor b = xv.indexSelect(0, complex.ringBoundaryEdge()).sub(cq);
        Tensor aa = a.mul(a).sum(1, true);
        Tensor bb = b.mul(b).sum(1, true);
        Tensor ab = a.mul(b).sum(1, true);
        Tensor gram = aa.mul(bb).sub(ab.mul(ab)).clamp(0.0, Double.MAX_VALUE);
        Tensor area = gram.add(AREA_EPSILON).sqrt().mul(0.5).segmentSum(complex.ringBoundaryRing(), rings);
        Tensor between = edgeCentroid.sub(cq);
        return new CellGeometry(lengthSquared, area, between.mul(between).sum(1, true));
    }
}
