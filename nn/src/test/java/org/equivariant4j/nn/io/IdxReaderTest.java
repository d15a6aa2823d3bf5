package org.equivariant4j.nn.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.nn.data.TensorDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
    @TempDir
    Path dir;

    /** An IDX file as the format defines it: 0, 0, type, rank, big-endian int32 sizes, then the values. */
    private static byte[] idx(int type, int[] dims, byte[] values) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] {0, 0, (byte) type, (byte) dims.length});
        for (int d : dims) {
            out.writeInt(d);
        }
        out.write(values);
        return bytes.toByteArray();
    }

    private static byte[] ramp(int n) {
        byte[] v = new byte[n];
        for (int i = 0; i < n; i++) {
            v[i] = (byte) (i * 37 + 200);
        }
        return v;
    }

    private Path write(String name, byte[] content) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return p;
    }

    private Path writeGz(String name, byte[] content) throws IOException {
        Path p = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
            out.write(content);
        }
        return p;
    }

    @Test
    void readsImagesValuesUnsignedInRowMajorOrder() throws IOException {
        byte[] values = ramp(3 * 4 * 5);
        IdxArray a = IdxReader.read(write("images-idx3-ubyte", idx(0x08, new int[] {3, 4, 5}, values)), 3);
        assertThat(a.dims()).containsExactly(3, 4, 5);
        for (int i = 0; i < values.length; i++) {
            assertThat(a.get(i)).isEqualTo(values[i] & 0xFF);
        }
        Tensor t = a.toTensor(2, 1.0 / 255);
        assertThat(t.shape()).containsExactly(2, 4, 5);
        assertThat(t.dtype()).isEqualTo(DType.FLOAT32);
        assertThat(t.toFloatArray()[7]).isEqualTo((float) ((values[7] & 0xFF) / 255.0));
    }

    @Test
    void gzipIsRecognisedByItsMagicBytes() throws IOException {
        byte[] content = idx(0x08, new int[] {6}, ramp(6));
        IdxArray plain = IdxReader.read(write("labels", content));
        IdxArray packed = IdxReader.read(writeGz("labels.gz", content));
        assertThat(packed.dims()).containsExactly(6);
        for (int i = 0; i < 6; i++) {
            assertThat(packed.get(i)).isEqualTo(plain.get(i));
        }
    }

    @Test
    void aDatasetPairsImagesWithLabels() throws IOException {
        Path images = writeGz("img.gz", idx(0x08, new int[] {4, 2, 3}, ramp(24)));
        Path labels = write("lab", idx(0x08, new int[] {4}, new byte[] {3, 1, 4, 1}));
        TensorDataset set = IdxDatasets.imagesAndLabels(images, labels, 3);
        assertThat(set.features().shape()).containsExactly(3, 1, 2, 3);
        assertThat(set.labels().toLongArray()).containsExactly(3, 1, 4);
        assertThat(set.features().toFloatArray()[6]).isEqualTo((float) ((ramp(24)[6] & 0xFF) / 255.0));
    }

    @Test
    void truncatedDataNamesFileAndBothSizes() throws IOException {
        byte[] full = idx(0x08, new int[] {2, 3, 3}, ramp(18));
        Path p = write("short", Arrays.copyOf(full, full.length - 5));
        assertThatThrownBy(() -> IdxReader.read(p)).isInstanceOf(IdxFormatException.class)
                .hasMessageContaining(p.toString()).hasMessageContaining("18").hasMessageContaining("13");
    }

    @Test
    void trailingBytesAreRefused() throws IOException {
        byte[] full = idx(0x08, new int[] {4}, ramp(4));
        Path p = write("long", Arrays.copyOf(full, full.length + 3));
        assertThatThrownBy(() -> IdxReader.read(p)).isInstanceOf(IdxFormatException.class)
                .hasMessageContaining("4 data bytes").hasMessageContaining("3 more");
    }

    @Test
    void truncatedGzipIsRefused() throws IOException {
        Path gz = writeGz("t.gz", idx(0x08, new int[] {100, 10, 10}, ramp(10_000)));
        byte[] bytes = Files.readAllBytes(gz);
        Path cut = write("cut.gz", Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> IdxReader.read(cut)).isInstanceOf(IdxFormatException.class).hasMessageContaining(cut.toString());
    }

    @Test
    void headerErrorsSayWhatWasExpected() throws IOException {
        Path notIdx = write("png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0});
        assertThatThrownBy(() -> IdxReader.read(notIdx)).isInstanceOf(IdxFormatException.class)
                .hasMessageContaining("magic bytes 0x00 0x00").hasMessageContaining("0x89 0x50");
        Path floats = write("floats", idx(0x0D, new int[] {1}, new byte[4]));
        assertThatThrownBy(() -> IdxReader.read(floats)).hasMessageContaining("0x08").hasMessageContaining("0x0d");
        Path labels = write("labels", idx(0x08, new int[] {2}, new byte[2]));
        assertThatThrownBy(() -> IdxReader.read(labels, 3)).hasMessageContaining("expected 3 dimension(s) but found 1");
        Path tiny = write("tiny", new byte[] {0, 0});
        assertThatThrownBy(() -> IdxReader.read(tiny)).hasMessageContaining("4-byte header");
        Path cutDims = write("dims", new byte[] {0, 0, 8, 3, 0, 0, 0, 5});
        assertThatThrownBy(() -> IdxReader.read(cutDims)).hasMessageContaining("expected 3 dimension sizes");
        assertThatThrownBy(() -> IdxReader.read(dir.resolve("missing"))).hasMessageContaining("not found");
    }

    @Test
    void hugeDeclaredSizesAreRefusedBeforeAllocating() throws IOException {
        Path p = write("huge", idx(0x08, new int[] {60_000, 60_000, 60_000}, new byte[0]));
        assertThatThrownBy(() -> IdxReader.read(p)).isInstanceOf(IdxFormatException.class).hasMessageContaining("more than");
        Path negative = write("neg", idx(0x08, new int[] {-1}, new byte[0]));
        assertThatThrownBy(() -> IdxReader.read(negative)).hasMessageContaining("negative");
    }

    @Test
    void aTinyFileDeclaringTwoGigabytesIsRefusedWithoutAllocatingThem() throws IOException {
        // 24 bytes: the header of an idx3 file declaring 1 x 1 x (2^31-9) values, then 8 data bytes.
        int[] dims = {1, 1, Integer.MAX_VALUE - 8};
        Path plain = write("plain", idx(0x08, dims, new byte[8]));
        assertThat(Files.size(plain)).isEqualTo(24);
        ThreadAllocation.Outcome o = ThreadAllocation.measure(() -> IdxReader.read(plain));
        assertThat(o.thrown()).isInstanceOf(IdxFormatException.class).hasMessageContaining(plain.toString())
                .hasMessageContaining("need 2,147,483,639 data bytes").hasMessageContaining("only 8 (truncated?)");
        assertThat(o.allocatedBytes()).isLessThan(1 << 20);

        Path gz = writeGz("packed.gz", idx(0x08, dims, new byte[8]));
        ThreadAllocation.Outcome g = ThreadAllocation.measure(() -> IdxReader.read(gz));
        assertThat(g.thrown()).isInstanceOf(IdxFormatException.class).hasMessageContaining(gz.toString())
                .hasMessageContaining("only 8 (truncated?)");
        assertThat(g.allocatedBytes()).isLessThan(1 << 20);
    }

    @Test
    void mismatchedImageAndLabelCountsAreRefused() throws IOException {
        Path images = write("i", idx(0x08, new int[] {3, 2, 2}, ramp(12)));
        Path labels = write("l", idx(0x08, new int[] {2}, new byte[2]));
        assertThatThrownBy(() -> IdxDatasets.imagesAndLabels(images, labels, 10)).isInstanceOf(IdxFormatException.class)
                .hasMessageContaining("3 images").hasMessageContaining("2 labels");
    }
}
