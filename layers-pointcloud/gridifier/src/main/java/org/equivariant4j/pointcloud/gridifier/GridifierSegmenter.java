package org.equivariant4j.pointcloud.gridifier;

import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.nn.activation.ReLU;
import org.equivariant4j.nn.init.LinearDefault;
import org.equivariant4j.nn.layer.MLP;
import org.equivariant4j.pointcloud.PointCloud;

/**
 * The paper's segmenter: gridify, two conv blocks at full grid resolution, de-gridify back to every point (with the
 * point's input features as a skip connection), an MLP per point to the part logits {@code [N, parts]}.
 * Equivariant to the order of the points.
 */
public final class GridifierSegmenter extends PointCloudNetwork {
    private final GridifierConfig config;
    private final Gridifier gridifier;
    private final ConvBlock3d block1;
    private final ConvBlock3d block2;
    private final Degridifier degridifier;
    private final MLP head;

    public GridifierSegmenter(GridifierConfig config, boolean normals, int parts, DType dtype, Rng rng) {
        super(normals);
        this.config = config;
        int c = config.channels();
        this.gridifier = registerModule("gridifier", Gridifier.of(config, inputChannels(), dtype, rng));
        this.block1 = registerModule("block1", new ConvBlock3d(c, c, dtype, rng));
        this.block2 = registerModule("block2", new ConvBlock3d(c, c, dtype, rng));
        this.degridifier = registerModule("degridifier", new Degridifier(c, inputChannels(), config.hidden(), c,
                config.frequencies(), config.sigma(), dtype, rng));
        this.head = registerModule("head", new MLP(new int[] {c, config.hidden(), parts}, ReLU::new, new LinearDefault(), dtype,
                rng));
    }

    @Override
    public Tensor forward(PointCloud cloud) {
        return forward(cloud, GridEdges.of(cloud, config.grid(), config.k()));
    }

    /** The part logits with the edges already built. */
    public Tensor forward(PointCloud cloud, GridEdges edges) {
        Tensor in = inputFeatures(cloud);
        Tensor grid = block2.forward(block1.forward(gridifier.forward(cloud.positions(), in, edges)));
        return head.forward(degridifier.forward(grid, cloud.positions(), in, edges).relu());
    }

    @Override
    public String toString() {
        return "GridifierSegmenter(" + config.grid() + ", k=" + config.k() + ")";
    }
}
