package org.equivariant4j.ssl.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.equivariant4j.core.error.MalformedFileException;
import org.equivariant4j.nn.data.TensorDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Cifar10BinaryTest {
    @TempDir
    Path dir;

    private static byte[] record(int label, int red) {
        byte[] r = new byte[3073];
        r[0] = (byte) label;
        r[1] = (byte) red; // first red pixel
        r[1 + 1024] = (byte) 255; // first green pixel
        return r;
    }

    @Test
    void readsLabelsAndPlanesInOrderUpToTheLimit() throws IOException {
        byte[] file = new byte[3 * 3073];
        System.arraycopy(record(7, 51), 0, file, 0, 3073);
        System.arraycopy(record(2, 0), 0, file, 3073, 3073);
        System.arraycopy(record(9, 255), 0, file, 2 * 3073, 3073);
        Files.write(dir.resolve("test_batch.bin"), file);
        TensorDataset set = Cifar10Binary.test(dir, 2);
        assertThat(set.features().shape()).containsExactly(2, 3, 32, 32);
        assertThat(set.labels().toLongArray()).containsExactly(7, 2);
        float[] px = set.features().toFloatArray();
        assertThat((double) px[0]).isCloseTo(0.2, within(1e-6));
        assertThat((double) px[1024]).isCloseTo(1.0, within(1e-6));
        assertThat((double) px[3 * 1024]).isZero();
    }

    @Test
    void aTruncatedFileOrABadLabelIsRefusedNamingTheFile() throws IOException {
        Path bad = dir.resolve("data_batch_1.bin");
        Files.write(bad, new byte[3000]);
        assertThatThrownBy(() -> Cifar10Binary.read(List.of(bad), 10)).isInstanceOf(MalformedFileException.class)
                .hasMessageContaining(bad.toString()).hasMessageContaining("3073");
        Files.write(bad, record(12, 0));
        assertThatThrownBy(() -> Cifar10Binary.read(List.of(bad), 10)).isInstanceOf(MalformedFileException.class)
                .hasMessageContaining("label 12");
        assertThatThrownBy(() -> Cifar10Binary.train(dir.resolve("missing"), 10)).isInstanceOf(MalformedFileException.class)
                .hasMessageContaining("does not exist");
    }
}
