package org.equivariant4j.pointcloud.gridifier;

import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.PoolSpec;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.nn.conv.Pool;
import org.equivariant4j.nn.layer.Linear;
import org.equivariant4j.pointcloud.PointCloud;

/**
 * The paper's classifier: gridify, a conv block on the s³ grid, 2×2×2 max pooling, a conv block of twice the width,
 * global max pooling, a linear layer to the logits. Invariant to the order of the points (the gridification mean
 * does not see it; everything after works on the grid).
 */
public final class GridifierClassifier extends PointCloudNetwork {
    private final GridifierConfig config;
    private final Gridifier gridifier;
    private final ConvBlock3d block1;
    private final Pool pool;
    private final ConvBlock3d block2;
    private final Linear head;

    public GridifierClassifier(GridifierConfig config, boolean normals, int classes, DType dtype, Rng rng) {
        super(normals);
        this.config = config;
        int c = config.channels();
        this.gridifier = registerModule("gridifier", Gridifier.of(config, inputChannels(), dtype, rng));
        this.block1 = registerModule("block1", new ConvBlock3d(c, c, dtype, rng));
        this.pool = registerModule("pool", Pool.max(PoolSpec.of(3, 2)));
        this.block2 = registerModule("block2", new ConvBlock3d(c, 2 * c, dtype, rng));
        this.head = registerModule("head", Linear.builder(2 * c, classes).dtype(dtype).rng(rng).build());
    }

    public GridifierConfig config() {
        return config;
    }

    @Override
    public Tensor forward(PointCloud cloud) {
        return forward(cloud, GridEdges.of(cloud, config.grid(), config.k()));
    }

    /** The logits with the edges already built (a benchmark times the network, not the host-side kNN). */
    public Tensor forward(PointCloud cloud, GridEdges edges) {
        Tensor grid = gridifier.forward(cloud.positions(), inputFeatures(cloud), edges);
        Tensor h = block2.forward(pool.forward(block1.forward(grid)));
        int b = h.shape()[0];
        return head.forward(h.reshape(b, h.shape()[1], -1).max(2, false));
    }

    @Override
    public String toString() {
        return "GridifierClassifier(" + config.grid() + ", k=" + config.k() + ")";
    }
}
