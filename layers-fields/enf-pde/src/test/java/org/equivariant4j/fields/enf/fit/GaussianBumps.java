package org.equivariant4j.fields.enf.fit;

import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;

/**
 * A toy family of fields for meta-learning: one Gaussian bump exp(−|x − c|²/2w²) of width w = 0.3 at a random centre
 * c uniform in [−0.6, 0.6]², sampled on an n×n grid over [−1, 1]².
 */
final class GaussianBumps {
    private static final double WIDTH = 0.3;
    private final int side;

    GaussianBumps(int side) {
        this.side = side;
    }

    /** The grid {@code [count, side², 2]}, the same for every field. */
    Tensor coordinates(int count) {
        double[] grid = new double[side * side * 2];
        for (int i = 0; i < side; i++) {
            for (int j = 0; j < side; j++) {
                grid[2 * (i * side + j)] = -1 + 2.0 * j / (side - 1);
                grid[2 * (i * side + j) + 1] = -1 + 2.0 * i / (side - 1);
            }
        }
        return Tensors.of(grid, DType.FLOAT32, 1, side * side, 2).expand(count, side * side, 2);
    }

    /** Values {@code [count, side², 1]} of {@code count} bumps with centres drawn from {@code rng}. */
    Tensor values(Rng rng, int count) {
        Tensor centres = Tensors.uniform(rng, -0.6, 0.6, DType.FLOAT32, count, 1, 2);
        return coordinates(count).sub(centres).pow(2).sum(-1, true).mul(-1 / (2 * WIDTH * WIDTH)).exp();
    }
}
