package org.equivariant4j.pointcloud.gridifier;

import org.equivariant4j.core.module.Module;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.pointcloud.PointCloud;

/**
 * A network on batches of point clouds: per-cloud outputs {@code [B, K]} (a classifier) or per-point outputs
 * {@code [N, K]} (a segmenter). The point features it reads are {@link #inputFeatures}: positions, and normals when
 * the network was built for them.
 */
public abstract class PointCloudNetwork extends Module {
    private final boolean normals;

    protected PointCloudNetwork(boolean normals) {
        this.normals = normals;
    }

    /** Whether the network reads normals (3 more input features). */
    public final boolean usesNormals() {
        return normals;
    }

    /** Input features per point: 3 (positions) or 6 (positions and normals). */
    public final int inputChannels() {
        return normals ? 6 : 3;
    }

    /** The features the network reads from {@code cloud}: positions {@code [N, 3]}, then normals if it uses them. */
    public final Tensor inputFeatures(PointCloud cloud) {
        if (!normals) {
            return cloud.positions();
        }
        if (!cloud.hasNormals()) {
            throw new org.equivariant4j.core.error.InvalidArgumentException(this + " reads normals but " + cloud + " has none");
        }
        return org.equivariant4j.core.tensor.Tensors.concat(1, cloud.positions(), cloud.normals());
    }

    /** Logits per cloud {@code [B, K]} or per point {@code [N, K]}. */
    public abstract Tensor forward(PointCloud cloud);
}
