package org.equivariant4j.pointcloud.gridifier;

import org.equivariant4j.core.error.InvalidArgumentException;

/**
 * The settings of a gridifier network.
 *
 * @param grid the dense grid (9³ in the paper)
 * @param k neighbours each way between points and nodes (≈ 9 in the paper)
 * @param channels features per grid node (the first conv block's width; the classifier doubles it after pooling)
 * @param hidden hidden width of the message MLPs
 * @param frequencies random Fourier frequencies of the position embedding
 * @param sigma deviation of those frequencies
 */
public record GridifierConfig(Grid grid, int k, int channels, int hidden, int frequencies, double sigma) {

    public GridifierConfig {
        if (k <= 0 || channels <= 0 || hidden <= 0 || frequencies <= 0 || !(sigma > 0)) {
            throw new InvalidArgumentException("GridifierConfig: k, channels, hidden, frequencies and sigma must be positive,"
                    + " got k=" + k + ", channels=" + channels + ", hidden=" + hidden + ", frequencies=" + frequencies
                    + ", sigma=" + sigma);
        }
    }

    /** The paper's grid and neighbourhood (9³, k = 9) at a width two shared cores train in minutes. */
    public static GridifierConfig defaults() {
        return new GridifierConfig(Grid.DEFAULT, 9, 16, 32, 8, 1.0);
    }

    public GridifierConfig withGrid(Grid value) {
        return new GridifierConfig(value, k, channels, hidden, frequencies, sigma);
    }

    public GridifierConfig withK(int value) {
        return new GridifierConfig(grid, value, channels, hidden, frequencies, sigma);
    }

    public GridifierConfig withChannels(int value) {
        return new GridifierConfig(grid, k, value, hidden, frequencies, sigma);
    }
}
