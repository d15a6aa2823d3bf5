package org.equivariant4j.gconv.ccnn.data;

import java.nio.file.Files;
import java.nio.file.Path;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.nn.data.TensorDataset;
import org.equivariant4j.nn.io.IdxDatasets;

/**
 * Sequential MNIST: the 28 x 28 images of an MNIST directory (the four IDX files, optionally
 * gzipped) read pixel by pixel as sequences {@code [n, 1, 784]}, in raster order or, for permuted
 * MNIST, in one fixed random order drawn from a seed (the same order for training and test).
 */
public final class SequentialImages {
    private SequentialImages() {
    }

    /** {@code split} "train" or "t10k"; at most {@code limit} images; {@code permutation} null for raster order. */
    public static TensorDataset load(Path directory, String split, int limit, int[] permutation) {
        Path images = find(directory, split + "-images-idx3-ubyte");
        Path labels = find(directory, split + "-labels-idx1-ubyte");
        TensorDataset set = IdxDatasets.imagesAndLabels(images, labels, limit);
        Tensor x = set.features();
        int n = x.size(0);
        int pixels = x.size(2) * x.size(3);
        Tensor sequences = x.reshape(n, 1, pixels);
        if (permutation != null) {
            if (permutation.length != pixels) {
                throw new InvalidArgumentException("SequentialImages: a permutation of " + permutation.length + " for " + pixels
                        + " pixels");
            }
            long[] index = new long[pixels];
            for (int i = 0; i < pixels; i++) {
                index[i] = permutation[i];
            }
            sequences = sequences.indexSelect(2, Tensors.of(index, pixels));
        }
        return new TensorDataset(sequences, set.labels());
    }

    /** The fixed pixel order of permuted MNIST for {@code seed}. */
    public static int[] permutation(int pixels, long seed) {
        return new Rng(seed).permutation(pixels);
    }

    private static Path find(Path directory, String stem) {
        for (String name : new String[] {stem, stem + ".gz"}) {
            Path p = directory.resolve(name);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new InvalidArgumentException("SequentialImages: no " + stem + "(.gz) in " + directory
                + "; --data must be a directory with MNIST's four IDX files");
    }
}
