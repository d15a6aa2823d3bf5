package org.equivariant4j.nn.data;

import java.util.Arrays;

import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;

/**
 * A Java-heap copy of a tensor viewed as rows along dimension 0, from which any selection of rows
 * becomes one new tensor with a single array copy per row and one transfer to the engine.
 * This is how {@link TensorDataset} builds batches instead of an engine-side
 * {@code Tensor.indexSelect}: on the ND4J engine, selecting 400 rows of a {@code [400, 2]}
 * tensor took ~2 ms with {@code indexSelect} and 0.1-0.2 ms this way (2026-11-27), at the price
 * of one host copy of the dataset, made once. Worth revisiting for a GPU engine or a faster gather.
 */
final class HostRows {
    private final DType dtype;
    private final int[] rowShape;
    private final int rowLength;
    private final int rows;
    private final float[] floats;
    private final double[] doubles;
    private final long[] longs;

    HostRows(Tensor tensor) {
        int[] shape = tensor.shape();
        this.dtype = tensor.dtype();
        this.rows = shape[0];
        this.rowShape = Arrays.copyOfRange(shape, 1, shape.length);
        this.rowLength = Tensors.numel(rowShape);
        this.floats = dtype == DType.FLOAT32 ? tensor.toFloatArray() : null;
        this.doubles = dtype == DType.FLOAT64 ? tensor.toDoubleArray() : null;
        this.longs = dtype.isFloating() ? null : tensor.toLongArray();
    }

    int rows() {
        return rows;
    }

    /** Rows {@code indices} as a tensor {@code [indices.length, *rowShape]} of the original dtype. */
    Tensor select(int[] indices) {
        int[] shape = new int[rowShape.length + 1];
        shape[0] = indices.length;
        System.arraycopy(rowShape, 0, shape, 1, rowShape.length);
        int n = Math.multiplyExact(indices.length, rowLength);
        if (floats != null) {
            float[] out = new float[n];
            for (int k = 0; k < indices.length; k++) {
                System.arraycopy(floats, checked(indices[k]) * rowLength, out, k * rowLength, rowLength);
            }
            return Tensors.of(out, shape);
        }
        if (doubles != null) {
            double[] out = new double[n];
            for (int k = 0; k < indices.length; k++) {
                System.arraycopy(doubles, checked(indices[k]) * rowLength, out, k * rowLength, rowLength);
            }
            return Tensors.of(out, DType.FLOAT64, shape);
        }
        long[] out = new long[n];
        for (int k = 0; k < indices.length; k++) {
            System.arraycopy(longs, checked(indices[k]) * rowLength, out, k * rowLength, rowLength);
        }
        return Tensors.backend().fromLongs(out, shape, dtype);
    }

    private int checked(int index) {
        if (index < 0 || index >= rows) {
            throw new IndexOutOfBoundsException("row " + index + " outside [0, " + rows + ")");
        }
        return index;
    }
}
