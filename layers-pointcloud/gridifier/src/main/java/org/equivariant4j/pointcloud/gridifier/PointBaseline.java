package org.equivariant4j.pointcloud.gridifier;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.graph.EdgeIndex;
import org.equivariant4j.graph.Graph;
import org.equivariant4j.graph.GraphFields;
import org.equivariant4j.groups.EuclideanGroup;
import org.equivariant4j.nn.activation.ReLU;
import org.equivariant4j.nn.init.LinearDefault;
import org.equivariant4j.nn.layer.MLP;
import org.equivariant4j.pointcloud.NearestNeighbours;
import org.equivariant4j.pointcloud.PointCloud;

/**
 * The point-native baseline the paper compares with: two {@link EdgeConv} layers on the kNN graph of all points
 * (k per point), their outputs concatenated, then either global max pooling and an MLP to class logits
 * ({@link Task#CLASSIFY}, invariant to the points' order) or, per point, the local features joined with the pooled
 * global ones and an MLP to part logits ({@link Task#SEGMENT}, equivariant), as DGCNN's two heads.
 */
public final class PointBaseline extends PointCloudNetwork {

    /** Which head. */
    public enum Task { CLASSIFY, SEGMENT }

    private final Task task;
    private final int k;
    private final int channels;
    private final EdgeConv conv1;
    private final EdgeConv conv2;
    private final MLP head;

    public PointBaseline(Task task, int k, int channels, int hidden, boolean normals, int outputs, DType dtype, Rng rng) {
        super(normals);
        if (k <= 0 || channels <= 0) {
            throw new InvalidArgumentException("PointBaseline: k and channels must be positive, got " + k + " and " + channels);
        }
        this.task = task;
        this.k = k;
        this.channels = channels;
        this.conv1 = registerModule("conv1", new EdgeConv(inputChannels(), hidden, channels, dtype, rng));
        this.conv2 = registerModule("conv2", new EdgeConv(channels, hidden, channels, dtype, rng));
        int headIn = task == Task.CLASSIFY ? 2 * channels : 4 * channels;
        this.head = registerModule("head", new MLP(new int[] {headIn, hidden, outputs}, ReLU::new, new LinearDefault(), dtype,
                rng));
    }

    public int k() {
        return k;
    }

    @Override
    public Tensor forward(PointCloud cloud) {
        return forward(cloud, NearestNeighbours.within(cloud, k));
    }

    /** The logits with the kNN graph already built. */
    public Tensor forward(PointCloud cloud, EdgeIndex knn) {
        Graph g = Graph.builder(GraphFields.scalars(EuclideanGroup.full(3), inputChannels())).features(inputFeatures(cloud))
                .positions(cloud.positions()).edges(knn).batch(cloud.batch(), cloud.numClouds()).build();
        Graph g1 = conv1.forward(g);
        Graph g2 = conv2.forward(g1);
        Tensor local = Tensors.concat(1, g1.features(), g2.features());
        Tensor global = local.segmentMax(cloud.batchIndex(), cloud.numClouds());
        if (task == Task.CLASSIFY) {
            return head.forward(global);
        }
        return head.forward(Tensors.concat(1, local, global.indexSelect(0, cloud.batchIndex())));
    }

    @Override
    public String toString() {
        return "PointBaseline(" + task + ", k=" + k + ", " + channels + " channels)";
    }
}
