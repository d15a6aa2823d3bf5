package org.equivariant4j.ssl.invariance.experiment;

import java.nio.file.Files;
import java.nio.file.Path;

import org.equivariant4j.core.error.InvalidOptionException;
import org.equivariant4j.nn.data.TensorDataset;
import org.equivariant4j.nn.io.IdxDatasets;

/**
 * MNIST (or any 28x28 IDX image set) from a folder holding {@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte},
 * {@code t10k-images-idx3-ubyte} and {@code t10k-labels-idx1-ubyte}, each optionally gzipped; images flattened to
 * {@code [n, H*W]} in [0, 1] for the experiment's classifiers.
 */
final class MnistIdx {
    private MnistIdx() {
    }

    /** The first {@code limit} examples of the {@code prefix} split ({@code train} or {@code t10k}). */
    static TensorDataset load(Path dir, String prefix, int limit) {
        TensorDataset set = IdxDatasets.imagesAndLabels(file(dir, prefix + "-images-idx3-ubyte"),
                file(dir, prefix + "-labels-idx1-ubyte"), limit);
        int[] s = set.features().shape();
        return new TensorDataset(set.features().reshape(s[0], s[2] * s[3]), set.labels());
    }

    /** The image side of the set in {@code dir}. */
    static int side(TensorDataset set) {
        return (int) Math.round(Math.sqrt(set.features().size(1)));
    }

    private static Path file(Path dir, String name) {
        Path plain = dir.resolve(name);
        if (Files.isRegularFile(plain)) {
            return plain;
        }
        Path gz = dir.resolve(name + ".gz");
        if (Files.isRegularFile(gz)) {
            return gz;
        }
        throw new InvalidOptionException("data", "option 'data': " + dir + " holds neither " + name + " nor " + name + ".gz");
    }
}
