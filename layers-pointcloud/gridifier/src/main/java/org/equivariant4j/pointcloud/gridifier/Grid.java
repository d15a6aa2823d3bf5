package org.equivariant4j.pointcloud.gridifier;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;

/**
 * The fixed dense grid point clouds are mapped onto: {@code size} nodes per axis spaced evenly over
 * {@code [-1, 1]} (the unit ball of normalised clouds fits inside), {@code size³} nodes in all. Node
 * {@code (i, j, l)} has index {@code (i · size + j) · size + l} and position {@code (u_i, u_j, u_l)}, so features
 * of a cloud's nodes, {@code [size³, C]}, transposed and reshaped are the Conv3D layout {@code [C, size, size, size]}.
 */
public record Grid(int size) {

    /** The paper's default, 9³ = 729 nodes. */
    public static final Grid DEFAULT = new Grid(9);

    public Grid {
        if (size < 2 || size > 64) {
            throw new InvalidArgumentException("Grid: size must be in [2, 64] nodes per axis, got " + size);
        }
    }

    /** Number of nodes, {@code size³}. */
    public int nodes() {
        return size * size * size;
    }

    /** Distance between neighbouring nodes along an axis. */
    public double spacing() {
        return 2.0 / (size - 1);
    }

    /** Node positions, row-major {@code [size³ · 3]}. */
    public double[] positions() {
        double[] out = new double[3 * nodes()];
        int n = 0;
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                for (int l = 0; l < size; l++) {
                    out[3 * n] = coordinate(i);
                    out[3 * n + 1] = coordinate(j);
                    out[3 * n + 2] = coordinate(l);
                    n++;
                }
            }
        }
        return out;
    }

    /** Node positions repeated for each of {@code clouds} clouds, {@code [clouds · size³, 3]}. */
    public Tensor positions(int clouds, DType dtype) {
        double[] one = positions();
        double[] all = new double[clouds * one.length];
        for (int c = 0; c < clouds; c++) {
            System.arraycopy(one, 0, all, c * one.length, one.length);
        }
        return Tensors.of(all, dtype, clouds * nodes(), 3);
    }

    private double coordinate(int i) {
        return -1.0 + i * spacing();
    }

    @Override
    public String toString() {
        return "Grid(" + size + "^3)";
    }
}
