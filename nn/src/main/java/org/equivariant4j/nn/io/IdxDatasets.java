package org.equivariant4j.nn.io;

import java.nio.file.Path;
import java.util.Arrays;

import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.nn.data.TensorDataset;

/**
 * An image classification set from a pair of IDX files, such as MNIST's
 * {@code train-images-idx3-ubyte(.gz)} and {@code train-labels-idx1-ubyte(.gz)}.
 */
public final class IdxDatasets {

    private IdxDatasets() {
    }

    /**
     * Features FLOAT32 {@code [n, 1, H, W]} scaled to [0, 1], labels INT64 {@code [n]}, for the first
     * {@code n = min(limit, count)} images.
     *
     * @throws IdxFormatException if a file is invalid, the images file is not idx3, the labels file not idx1,
     *                            or the two files hold different numbers of examples
     */
    public static TensorDataset imagesAndLabels(Path images, Path labels, int limit) {
        IdxArray x = IdxReader.read(images, 3);
        IdxArray y = IdxReader.read(labels, 1);
        if (x.dims()[0] != y.dims()[0]) {
            throw new IdxFormatException("IDX files " + images + " and " + labels + ": expected as many labels as images but"
                    + " found " + x.dims()[0] + " images " + Arrays.toString(x.dims()) + " and " + y.dims()[0] + " labels");
        }
        int n = Math.min(Math.max(limit, 0), x.dims()[0]);
        int[] d = x.dims();
        Tensor features = x.toTensor(n, 1.0 / 255).reshape(n, 1, d[1], d[2]);
        long[] classes = new long[n];
        for (int i = 0; i < n; i++) {
            classes[i] = y.get(i);
        }
        return new TensorDataset(features, Tensors.of(classes, n));
    }
}
