package org.equivariant4j.ssl.data;

import java.nio.file.Files;
import java.nio.file.Path;

import org.equivariant4j.core.error.MalformedFileException;
import org.equivariant4j.nn.data.TensorDataset;
import org.equivariant4j.nn.io.IdxDatasets;

/**
 * A labelled image data set a user points an experiment at ({@code --data DIR}): CIFAR-10's binary distribution
 * ({@code data_batch_1.bin}, ..., {@code test_batch.bin}) or MNIST-style IDX files ({@code train-images-idx3-ubyte},
 * {@code train-labels-idx1-ubyte}, {@code t10k-...}, plain or {@code .gz}), recognised by the files present.
 *
 * @param name  what was read, for logs
 * @param train the first {@code trainLimit} training images
 * @param test  the first {@code testLimit} test images
 */
public record LabelledImages(String name, TensorDataset train, TensorDataset test) {

    /** Reads {@code dir}; fails naming the files looked for when neither format is there. */
    public static LabelledImages read(Path dir, int trainLimit, int testLimit) {
        if (Files.isRegularFile(dir.resolve("data_batch_1.bin"))) {
            return new LabelledImages("CIFAR-10 from " + dir, Cifar10Binary.train(dir, trainLimit),
                    Cifar10Binary.test(dir, testLimit));
        }
        Path images = idx(dir, "train-images-idx3-ubyte");
        if (Files.isRegularFile(images)) {
            return new LabelledImages("IDX (MNIST) from " + dir,
                    IdxDatasets.imagesAndLabels(images, idx(dir, "train-labels-idx1-ubyte"), trainLimit),
                    IdxDatasets.imagesAndLabels(idx(dir, "t10k-images-idx3-ubyte"), idx(dir, "t10k-labels-idx1-ubyte"),
                            testLimit));
        }
        throw new MalformedFileException("LabelledImages: " + dir + " holds neither CIFAR-10 binary files (data_batch_1.bin,"
                + " ..., test_batch.bin) nor MNIST IDX files (train-images-idx3-ubyte[.gz], train-labels-idx1-ubyte[.gz],"
                + " t10k-...)");
    }

    private static Path idx(Path dir, String name) {
        Path plain = dir.resolve(name);
        Path gz = dir.resolve(name + ".gz");
        return Files.isRegularFile(plain) || !Files.isRegularFile(gz) ? plain : gz;
    }
}
