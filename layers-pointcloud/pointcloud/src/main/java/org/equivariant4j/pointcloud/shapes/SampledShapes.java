package org.equivariant4j.pointcloud.shapes;

import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;

/**
 * A set of clouds of equal size sampled from meshes: positions and normals {@code [count, points, 3]} row-major,
 * a class label per cloud, and (for segmentation data) a part label per point, else null.
 */
public record SampledShapes(int count, int points, double[] positions, double[] normals, int[] labels, int[] parts) {

    /** Positions ⊕ normals as one dense tensor {@code [count, points, 6]}, the layout of a dataset's features. */
    public Tensor features(DType dtype) {
        double[] out = new double[count * points * 6];
        for (int i = 0; i < count * points; i++) {
            System.arraycopy(positions, 3 * i, out, 6 * i, 3);
            System.arraycopy(normals, 3 * i, out, 6 * i + 3, 3);
        }
        return Tensors.of(out, dtype, count, points, 6);
    }

    /** Class labels, INT64 {@code [count]}. */
    public Tensor labelTensor() {
        return Tensors.of(labels, count);
    }

    /** Part labels, INT64 {@code [count, points]}. */
    public Tensor partTensor() {
        return Tensors.of(parts, count, points);
    }
}
