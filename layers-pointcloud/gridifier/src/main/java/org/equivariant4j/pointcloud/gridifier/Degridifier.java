package org.equivariant4j.pointcloud.gridifier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.module.Module;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.nn.activation.ReLU;
import org.equivariant4j.nn.init.LinearDefault;
import org.equivariant4j.nn.layer.MLP;

/**
 * De-gridification, for per-point outputs (segmentation): grid features back to every point over the same
 * {@link GridEdges}, node → point. The message from node i to point j is {@code φ([f_i, h_j, γ(p_j − g_i)])}: the
 * node's feature, the point's own input feature (a skip connection that tells points sharing nodes apart) and the
 * embedded relative position; a point's output is the mean of its messages. Gather, MLP, segment mean.
 * Permutation equivariant: renumbering the points renumbers the outputs.
 */
public final class Degridifier extends Module {
    private final int gridChannels;
    private final int pointChannels;
    private final int outChannels;
    private final RandomFourierEmbedding embedding;
    private final MLP message;

    /** {@code pointChannels} may be 0 (no skip connection). */
    public Degridifier(int gridChannels, int pointChannels, int hidden, int outChannels, int frequencies, double sigma,
            DType dtype, Rng rng) {
        this.gridChannels = gridChannels;
        this.pointChannels = pointChannels;
        this.outChannels = outChannels;
        this.embedding = registerModule("embedding", new RandomFourierEmbedding(frequencies, sigma, dtype, rng));
        this.message = registerModule("message", new MLP(new int[] {gridChannels + pointChannels + embedding.outFeatures(),
                hidden, outChannels}, ReLU::new, new LinearDefault(), dtype, rng));
    }

    public int outChannels() {
        return outChannels;
    }

    /**
     * Point features {@code [N, C_out]} from grid features {@code [B, C_grid, s, s, s]}; {@code pointFeatures}
     * {@code [N, C_point]} is null when the layer has no skip connection.
     */
    public Tensor forward(Tensor grid, Tensor positions, Tensor pointFeatures, GridEdges edges) {
        int size = edges.grid().size();
        int[] expected = {edges.numClouds(), gridChannels, size, size, size};
        if (!Arrays.equals(grid.shape(), expected)) {
            throw new ShapeMismatchException(this + ": expected grid features " + Arrays.toString(expected) + " but was "
                    + Arrays.toString(grid.shape()));
        }
        if (pointChannels > 0 && (pointFeatures == null || pointFeatures.rank() != 2
                || pointFeatures.shape()[0] != edges.numPoints() || pointFeatures.shape()[1] != pointChannels)) {
            throw new ShapeMismatchException(this + ": expected point features [" + edges.numPoints() + ", " + pointChannels
                    + "] but was " + (pointFeatures == null ? "null" : Arrays.toString(pointFeatures.shape())));
        }
        Tensor nodes = grid.reshape(edges.numClouds(), gridChannels, edges.grid().nodes()).permute(0, 2, 1)
                .reshape(edges.numNodes(), gridChannels);
        List<Tensor> parts = new ArrayList<>();
        parts.add(nodes.indexSelect(0, edges.nodeIndex()));
        if (pointChannels > 0) {
            parts.add(pointFeatures.indexSelect(0, edges.pointIndex()));
        }
        parts.add(embedding.forward(edges.relativePositions(positions).neg()));
        return message.forward(Tensors.concat(1, parts)).segmentMean(edges.pointIndex(), edges.numPoints());
    }

    @Override
    public String toString() {
        return "Degridifier(" + gridChannels + (pointChannels > 0 ? " + " + pointChannels : "") + " -> " + outChannels + ")";
    }
}
