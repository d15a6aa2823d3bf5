package org.equivariant4j.ssl.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.MalformedFileException;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.nn.data.TensorDataset;

/**
 * CIFAR-10 in its binary distribution ({@code cifar-10-batches-bin}): files of 3,073-byte records, a label byte
 * (0-9) then the 32x32 red, green and blue planes. The training set is {@code data_batch_1.bin} ...
 * {@code data_batch_5.bin}, the test set {@code test_batch.bin}. Features FLOAT32 {@code [n, 3, 32, 32]} in [0, 1],
 * labels INT64 {@code [n]}.
 */
public final class Cifar10Binary {
    public static final int SIDE = 32;
    private static final int PIXELS = 3 * SIDE * SIDE;
    private static final int RECORD = 1 + PIXELS;

    private Cifar10Binary() {
    }

    /** The first {@code limit} training examples in {@code dir} (all five batches present or not, in order). */
    public static TensorDataset train(Path dir, int limit) {
        List<Path> files = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            files.add(dir.resolve("data_batch_" + i + ".bin"));
        }
        return read(files, limit);
    }

    /** The first {@code limit} test examples in {@code dir}. */
    public static TensorDataset test(Path dir, int limit) {
        return read(List.of(dir.resolve("test_batch.bin")), limit);
    }

    /** Up to {@code limit} records from {@code files} in order; every file must exist and hold whole, valid records. */
    public static TensorDataset read(List<Path> files, int limit) {
        if (limit < 1) {
            throw new InvalidArgumentException("Cifar10Binary: expected a limit >= 1 but was " + limit);
        }
        List<byte[]> records = new ArrayList<>();
        for (Path file : files) {
            if (records.size() >= limit) {
                break;
            }
            readFile(file, limit - records.size(), records);
        }
        int n = records.size();
        float[] pixels = new float[n * PIXELS];
        long[] labels = new long[n];
        for (int i = 0; i < n; i++) {
            byte[] r = records.get(i);
            labels[i] = r[0] & 0xff;
            for (int p = 0; p < PIXELS; p++) {
                pixels[i * PIXELS + p] = (r[1 + p] & 0xff) / 255f;
            }
        }
        return new TensorDataset(Tensors.of(pixels, n, 3, SIDE, SIDE), Tensors.of(labels, n));
    }

    private static void readFile(Path file, int wanted, List<byte[]> into) {
        if (!Files.isRegularFile(file)) {
            throw new MalformedFileException("Cifar10Binary: " + file + " does not exist; expected the binary distribution's"
                    + " data_batch_1..5.bin and test_batch.bin");
        }
        try (InputStream in = Files.newInputStream(file)) {
            long size = Files.size(file);
            if (size == 0 || size % RECORD != 0) {
                throw new MalformedFileException("Cifar10Binary: " + file + " has " + size + " bytes; expected a positive"
                        + " multiple of the " + RECORD + "-byte record");
            }
            for (int i = 0; i < wanted && i < size / RECORD; i++) {
                byte[] r = in.readNBytes(RECORD);
                if (r.length != RECORD) {
                    throw new MalformedFileException("Cifar10Binary: " + file + " ended inside record " + i);
                }
                if ((r[0] & 0xff) > 9) {
                    throw new MalformedFileException("Cifar10Binary: " + file + " record " + i + " has label " + (r[0] & 0xff)
                            + "; expected 0-9");
                }
                into.add(r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cifar10Binary: cannot read " + file, e);
        }
    }
}
