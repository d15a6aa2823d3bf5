package org.equivariant4j.nn.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile archives: each is refused with an {@link NpyFormatException} naming the file (and member), and
 * none allocates more than its checks allow.
 */
class NpzIntegrityTest {
    @TempDir
    Path dir;

    private static byte[] npy(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = i * 0.25f;
        }
        return Npy.toBytes(NpyArray.ofFloats(v, n), ByteOrder.LITTLE_ENDIAN, false);
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private static NpyArray readOnly(Path file) {
        try (Npz npz = Npz.open(file)) {
            return npz.get(npz.names().get(0));
        }
    }

    @Test
    void aFlippedBitInStoredOrDeflatedDataFailsTheCrc() throws IOException {
        for (boolean deflated : new boolean[] {false, true}) {
            ZipBytes zip = new ZipBytes();
            ZipBytes.Entry e = zip.add("x.npy", npy(64), deflated);
            byte[] good = zip.finish();
            assertThat(readOnly(write("good.npz", good)).numel()).isEqualTo(64);
            byte[] bad = good.clone();
            int at = (int) (30 + 5 + e.compressedSize() - 3); // inside the data, away from the npy header
            bad[at] ^= 0x10;
            Path file = write("flipped.npz", bad);
            assertThatThrownBy(() -> readOnly(file)).as("deflated=" + deflated).isInstanceOf(NpyFormatException.class)
                    .hasMessageContaining(file.toString()).hasMessageContaining("member 'x.npy'")
                    .hasMessageMatching(deflated ? "(?s).*(CRC-32 mismatch|corrupt deflate|deflate data).*" : "(?s).*CRC-32 mismatch.*");
        }
    }

    @Test
    void manyEntriesPointingAtOneMemberAreRefused() throws IOException {
        ZipBytes zip = new ZipBytes();
        ZipBytes.Entry real = zip.add("x.npy", npy(1000), true);
        for (int i = 0; i < 19; i++) {
            zip.addCentral(new ZipBytes.Entry("x" + i + ".npy", real.method(), real.crc(), real.size(), real.compressedSize(), 0));
        }
        Path file = write("shared.npz", zip.finish());
        ThreadAllocation.Outcome o = ThreadAllocation.measure(() -> Npz.open(file).close());
        assertThat(o.thrown()).isInstanceOf(NpyFormatException.class).hasMessageContaining(file.toString())
                .hasMessageContaining("the local header names it 'x.npy', the central directory 'x0.npy'");
        assertThat(o.allocatedBytes()).isLessThan(1 << 20);
    }

    @Test
    void aMemberNestedInAnothersDataIsRefusedAsOverlapping() throws IOException {
        // The outer stored member's data is a whole inner member (local header + data): both central entries are
        // truthful about their own bytes, yet inflating both reads the inner bytes twice (the overlapping zip bomb).
        byte[] innerNpy = npy(8);
        ZipBytes inner = new ZipBytes();
        inner.add("inner.npy", innerNpy, false);
        byte[] innerBytes = Arrays.copyOf(inner.finish(), 30 + 9 + innerNpy.length);
        ZipBytes zip = new ZipBytes();
        zip.add("outer.npy", innerBytes, false);
        zip.addCentral(new ZipBytes.Entry("inner.npy", 0, ZipBytes.crc(innerNpy), innerNpy.length, innerNpy.length, 30 + 9));
        Path file = write("nested.npz", zip.finish());
        assertThatThrownBy(() -> Npz.open(file)).isInstanceOf(NpyFormatException.class)
                .hasMessageContaining("members 'outer.npy'").hasMessageContaining("'inner.npy'").hasMessageContaining("overlap");
    }

    @Test
    void aHeaderDeclaringMoreThanTheLimitIsRefusedBeforeInflating() throws IOException {
        // 1.5 GB declared, in a 1.5 MB member: within deflate's 1032:1, so only the array limit or the heap stops it.
        long declared = 1_500_000_000L;
        byte[] header = NpyBytes.header("{'descr': '|u1', 'fortran_order': False, 'shape': (" + (declared - 128) + ",), }", 1);
        byte[] noise = new byte[1_500_000];
        new Random(7).nextBytes(noise);
        byte[] content = Arrays.copyOf(header, header.length + noise.length);
        System.arraycopy(noise, 0, content, header.length, noise.length);
        byte[] deflated = ZipBytes.deflate(content);
        ZipBytes zip = new ZipBytes();
        ZipBytes.Entry e = new ZipBytes.Entry("big.npy", 8, ZipBytes.crc(content), declared, deflated.length, 0);
        zip.appendLocal(e, deflated);
        zip.addCentral(e);
        Path file = write("big.npz", zip.finish());

        ThreadAllocation.Outcome limited = ThreadAllocation.measure(() -> readOnly(file));
        assertThat(limited.thrown()).isInstanceOf(NpyFormatException.class).hasMessageContaining("member 'big.npy'")
                .hasMessageContaining("1,499,999,872 bytes").hasMessageContaining("1,073,741,824 bytes this reader allows");
        assertThat(limited.allocatedBytes()).isLessThan(1 << 20);

        // Without a limit the allocation is attempted; a heap that cannot hold it gives our exception, not an OOM.
        assertThatThrownBy(() -> {
            try (Npz npz = Npz.open(file, Long.MAX_VALUE)) {
                npz.get("big");
            }
        }).isInstanceOf(NpyFormatException.class).hasMessageMatching("(?s).*(Java heap|ends after|truncated).*");
    }

    @Test
    void aSizeNoDeflateStreamCanReachIsRefusedAtOpen() throws IOException {
        byte[] content = npy(16);
        byte[] deflated = ZipBytes.deflate(content);
        ZipBytes zip = new ZipBytes();
        ZipBytes.Entry e = new ZipBytes.Entry("x.npy", 8, ZipBytes.crc(content), 1033L * deflated.length, deflated.length, 0);
        zip.appendLocal(e, deflated);
        zip.addCentral(e);
        Path file = write("ratio.npz", zip.finish());
        assertThatThrownBy(() -> Npz.open(file)).isInstanceOf(NpyFormatException.class).hasMessageContaining("1032-fold");
    }

    @Test
    void localAndCentralHeadersMustAgree() throws IOException {
        ZipBytes zip = new ZipBytes();
        zip.add("x.npy", npy(4), false);
        byte[] good = zip.finish();
        int central = good.length - 22 - 46 - 5;
        Path crc = write("crc.npz", ZipBytes.withInt(good, central + 16, 12345));
        assertThatThrownBy(() -> Npz.open(crc)).hasMessageContaining("the local header says CRC")
                .hasMessageContaining("central directory CRC 0x00003039");
        Path method = write("method.npz", ZipBytes.withInt(good, central + 8, 12 << 16)); // flags 0, method 12 (bzip2)
        assertThatThrownBy(() -> Npz.open(method)).hasMessageContaining("compression method 12");
        Path encrypted = write("enc.npz", ZipBytes.withInt(ZipBytes.withInt(good, central + 8, 1), 6, 1));
        assertThatThrownBy(() -> Npz.open(encrypted)).hasMessageContaining("encrypted");
    }

    @Test
    void duplicateNamesTrailingBytesAndSplitArchivesAreRefused() throws IOException {
        ZipBytes zip = new ZipBytes();
        ZipBytes.Entry a = zip.add("x.npy", npy(4), false);
        zip.appendLocal(new ZipBytes.Entry("x.npy", 0, a.crc(), a.size(), a.compressedSize(), zip.size()), npy(4));
        zip.addCentral(new ZipBytes.Entry("x.npy", 0, a.crc(), a.size(), a.compressedSize(), a.compressedSize() + 35));
        Path twice = write("twice.npz", zip.finish());
        assertThatThrownBy(() -> Npz.open(twice)).hasMessageContaining("'x.npy' appears twice");

        ZipBytes one = new ZipBytes();
        one.add("x.npy", npy(4), false);
        byte[] good = one.finish();
        Path trailing = write("trailing.npz", Arrays.copyOf(good, good.length + 3));
        assertThatThrownBy(() -> Npz.open(trailing)).hasMessageContaining("no end-of-central-directory record");
        Path split = write("split.npz", ZipBytes.withInt(good, good.length - 22 + 4, 1));
        assertThatThrownBy(() -> Npz.open(split)).hasMessageContaining("multi-disk");
    }

    @Test
    void zip64DirectoriesAndEndRecordsAreRead() throws IOException {
        ZipBytes zip = new ZipBytes();
        zip.add("a.npy", npy(5), false);
        zip.add("b.npy", npy(300), true);
        Path file = write("zip64.npz", zip.finish(true));
        Map<String, NpyArray> arrays = Npz.readAll(file);
        assertThat(arrays.keySet()).containsExactly("a", "b");
        assertThat(arrays.get("b").toDoubleArray()[299]).isEqualTo(299 * 0.25);
        // The zip64 end record must be where the locator says.
        byte[] bytes = Files.readAllBytes(file);
        Path moved = write("moved.npz", ZipBytes.withInt(bytes, bytes.length - 22 - 20 + 8, 7));
        assertThatThrownBy(() -> Npz.open(moved)).isInstanceOf(NpyFormatException.class)
                .hasMessageContaining("expected the zip64 end-of-central-directory record at offset 7");
    }

    @Test
    void ourOwnWriterWithDataDescriptorsReadsBack() {
        Path file = dir.resolve("w.npz");
        Npz.write(file, Map.of("a", NpyArray.ofLongs(new long[] {5, -6, 7}, 3)), true);
        assertThat(Npz.readAll(file).get("a").toLongArray()).containsExactly(5, -6, 7);
    }
}
