package org.equivariant4j.gconv.ccnn.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.nn.data.TensorDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sequential MNIST from IDX files (three synthetic 28 x 28 images here: no MNIST on this machine):
 * raster order is the image read row by row, permuted order applies one fixed permutation, and a
 * directory without the files is refused naming what is missing.
 */
class SequentialImagesTest {

    @Test
    void readsImagesAsPixelSequencesInRasterOrPermutedOrder(@TempDir Path dir) throws IOException {
        int n = 3;
        byte[] pixels = new byte[n * 784];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i % 251);
        }
        write(dir.resolve("train-images-idx3-ubyte"), 0x803, new int[] {n, 28, 28}, pixels);
        write(dir.resolve("train-labels-idx1-ubyte"), 0x801, new int[] {n}, new byte[] {7, 1, 4});

        TensorDataset raster = SequentialImages.load(dir, "train", 10, null);
        assertThat(raster.features().shape()).containsExactly(n, 1, 784);
        assertThat(raster.labels().toLongArray()).containsExactly(7, 1, 4);
        float[] r = raster.features().toFloatArray();
        assertThat(r[784 + 30]).isEqualTo((784 + 30) % 251 / 255f);

        int[] order = SequentialImages.permutation(784, 5);
        float[] p = SequentialImages.load(dir, "train", 10, order).features().toFloatArray();
        for (int t : new int[] {0, 17, 783}) {
            assertThat(p[2 * 784 + t]).isEqualTo(r[2 * 784 + order[t]]);
        }
    }

    @Test
    void aDirectoryWithoutTheFilesIsRefused(@TempDir Path dir) {
        assertThatThrownBy(() -> SequentialImages.load(dir, "t10k", 10, null)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("t10k-images-idx3-ubyte");
    }

    private static void write(Path file, int magic, int[] dims, byte[] data) throws IOException {
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
            out.writeInt(magic);
            for (int d : dims) {
                out.writeInt(d);
            }
            out.write(data);
        }
    }
}
