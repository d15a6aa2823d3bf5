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
 *
 * <p>Which nodes a point reads from is {@link Reach}: by default its own {@code k} nearest nodes. The reference
 * reuses the gridification edges reversed ({@link Reach#ALL_EDGES}), which with ShapeNet's 2,048 points on 13³ nodes
 * gives a point about 19 nodes; with a few hundred points on 9³ nodes it gives a point dozens, most of them far
 * away (every node, even in empty space, sends to its k nearest points), and their mean blurs the point's part away.
 */
public final class GridifierSegmenter extends PointCloudNetwork {

    /** The grid nodes each point reads from in de-gridification. */
    public enum Reach {
        /** Its {@code k} nearest nodes ({@link GridEdges#nearestNodes()}). */
        NEAREST_NODES,
        /** Every node it shares a gridification edge with, as the reference does. */
        ALL_EDGES
    }

    private final GridifierConfig config;
    private final Reach reach;
    private final Gridifier gridifier;
    private final ConvBlock3d block1;
    private final ConvBlock3d block2;
    private final Degridifier degridifier;
    private final MLP head;

    /** A segmenter that de-gridifies from each point's nearest nodes. */
    public GridifierSegmenter(GridifierConfig config, boolean normals, int parts, DType dtype, Rng rng) {
        this(config, Reach.NEAREST_NODES, normals, parts, dtype, rng);
    }

    public GridifierSegmenter(GridifierConfig config, Reach reach, boolean normals, int parts, DType dtype, Rng rng) {
        super(normals);
        this.config = config;
        this.reach = reach;
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
        GridEdges back = reach == Reach.NEAREST_NODES ? edges.nearestNodes() : edges;
        return head.forward(degridifier.forward(grid, cloud.positions(), in, back).relu());
    }

    @Override
    public String toString() {
        return "GridifierSegmenter(" + config.grid() + ", k=" + config.k() + ", " + reach + ")";
    }
}
