package org.equivariant4j.core.field;

import java.util.Arrays;

import org.equivariant4j.core.error.UnsupportedFeatureException;
import org.equivariant4j.core.group.EuclideanAction;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;

/**
 * Moves the samples of a grid field by a lattice symmetry, exactly: output sample x takes the
 * input sample at g⁻¹x. Coordinates are the spatial indices centred on the grid's middle, spatial
 * dimension k being coordinate k. The source index of every output sample is computed once per
 * call in Java (it depends on the grid and g only), then one {@code indexSelect} moves all samples.
 */
final class GridPermutation {

    private GridPermutation() {
    }

    static Tensor apply(Tensor field, EuclideanAction g, Domain.Grid grid) {
        int[] shape = field.shape();
        int d = grid.dimension();
        int[] spatial = Arrays.copyOfRange(shape, 2, 2 + d);
        long[] source = sourceIndices(spatial, (EuclideanAction) g.inverse(), g);
        Tensor flat = field.reshape(shape[0], shape[1], -1);
        return flat.indexSelect(2, Tensors.of(source, source.length)).reshape(shape);
    }

    private static long[] sourceIndices(int[] spatial, EuclideanAction inverse, EuclideanAction g) {
        int d = spatial.length;
        int n = Tensors.numel(spatial);
        long[] source = new long[n];
        int[] idx = new int[d];
        double[] point = new double[d];
        for (int flat = 0; flat < n; flat++) {
            for (int k = 0; k < d; k++) {
                point[k] = idx[k] - (spatial[k] - 1) / 2.0;
            }
            double[] from = inverse.apply(point);
            long src = 0;
            for (int k = 0; k < d; k++) {
                double i = from[k] + (spatial[k] - 1) / 2.0;
                long r = Math.round(i);
                if (Math.abs(i - r) > 1e-9 || r < 0 || r >= spatial[k]) {
                    throw new UnsupportedFeatureException(g + " does not map the grid " + Arrays.toString(spatial)
                            + " onto itself (a rotation by a multiple of 90 degrees of a square grid, or a flip, does); an"
                            + " interpolated transform is an approximation a layer must declare");
                }
                src = src * spatial[k] + r;
            }
            source[flat] = src;
            for (int k = d - 1; k >= 0 && ++idx[k] == spatial[k]; k--) {
                idx[k] = 0;
            }
        }
        return source;
    }
}
