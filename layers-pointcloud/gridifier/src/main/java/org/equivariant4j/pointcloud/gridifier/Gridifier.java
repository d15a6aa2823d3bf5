package org.equivariant4j.pointcloud.gridifier;

import java.util.Arrays;

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
 * Gridification: point features to a dense grid by one bipartite message-passing step over {@link GridEdges}.
 * The message from point j to node i is {@code φ([h_j, γ(g_i − p_j)])} with γ a {@link RandomFourierEmbedding} of
 * the relative position and φ an MLP; a node's feature is the mean of its messages (0 for a node no point reaches).
 * One gather per edge end, one MLP over all edges, one segment mean: no loop over points, edges or clouds.
 * The output is the Conv3D layout {@code [B, C_out, s, s, s]}.
 *
 * <p>Permutation invariant by construction (a mean over edges does not see the points' order) as long as the edges
 * follow the points, which kNN does except on exact distance ties.
 */
public final class Gridifier extends Module {
    private final int inChannels;
    private final int outChannels;
    private final RandomFourierEmbedding embedding;
    private final MLP message;

    /**
     * @param inChannels features per point
     * @param hidden width of the message MLP's hidden layer
     * @param outChannels features per grid node
     * @param frequencies random Fourier frequencies F (the embedding has 2F features)
     * @param sigma deviation of the frequencies
     */
    public Gridifier(int inChannels, int hidden, int outChannels, int frequencies, double sigma, DType dtype, Rng rng) {
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.embedding = registerModule("embedding", new RandomFourierEmbedding(frequencies, sigma, dtype, rng));
        this.message = registerModule("message", new MLP(new int[] {inChannels + embedding.outFeatures(), hidden, outChannels},
                ReLU::new, new LinearDefault(), dtype, rng));
    }

    /** The gridifier of a network with {@code config}: {@code config.channels()} features per node. */
    public static Gridifier of(GridifierConfig config, int inChannels, DType dtype, Rng rng) {
        return new Gridifier(inChannels, config.hidden(), config.channels(), config.frequencies(), config.sigma(), dtype, rng);
    }

    public int outChannels() {
        return outChannels;
    }

    /** Grid features {@code [B, C_out, s, s, s]} of point features {@code [N, C_in]} at {@code positions [N, 3]}. */
    public Tensor forward(Tensor positions, Tensor features, GridEdges edges) {
        int[] s = features.shape();
        if (s.length != 2 || s[1] != inChannels || s[0] != edges.numPoints()) {
            throw new ShapeMismatchException(this + ": expected point features [" + edges.numPoints() + ", " + inChannels
                    + "] but was " + Arrays.toString(s));
        }
        Tensor relative = edges.relativePositions(positions);
        Tensor m = message.forward(Tensors.concat(1, features.indexSelect(0, edges.pointIndex()), embedding.forward(relative)));
        Tensor nodes = m.segmentMean(edges.nodeIndex(), edges.numNodes());
        int size = edges.grid().size();
        return nodes.reshape(edges.numClouds(), edges.grid().nodes(), outChannels).permute(0, 2, 1)
                .reshape(edges.numClouds(), outChannels, size, size, size);
    }

    @Override
    public String toString() {
        return "Gridifier(" + inChannels + " -> " + outChannels + ")";
    }
}
