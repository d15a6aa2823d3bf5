package org.equivariant4j.pointcloud.gridifier;

import java.util.ArrayList;
import java.util.List;

import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.pointcloud.PointCloud;

/** Small random clouds with unit normals for the layer tests. */
final class Clouds {
    private Clouds() {
    }

    /** Clouds of the given sizes in the unit ball, with random unit normals. */
    static PointCloud random(long seed, DType dtype, int... sizes) {
        Rng rng = new Rng(seed);
        List<PointCloud> parts = new ArrayList<>();
        for (int n : sizes) {
            Tensor normals = Tensors.randn(rng, dtype, n, 3);
            normals = normals.div(normals.norm(1, true));
            parts.add(PointCloud.single(Tensors.randn(rng, dtype, n, 3)).withNormals(normals));
        }
        return PointCloud.batch(parts).normalizedToUnitBall();
    }
}
