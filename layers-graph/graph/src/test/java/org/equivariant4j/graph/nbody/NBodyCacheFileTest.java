package org.equivariant4j.graph.nbody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Crafted cache files: each is refused by name before any large allocation, and {@code load} replaces it. */
class NBodyCacheFileTest {
    private static final NBodyConfig SHORT = NBodyConfig.reference().withSteps(1500);
    private static final long SEED = 7;

    private static Path cached(Path dir) {
        NBodyDataset.load(SHORT, SEED, 4, 2, 2, dir);
        return NBodyDataset.cacheFile(SHORT, SEED, 4, 2, 2, dir);
    }

    private static NBodyDataset read(Path file) {
        return NBodyCacheFile.read(file, SHORT, SEED, 4, 2, 2);
    }

    /** Rewrites the file after {@code edit}, with its checksum recomputed when {@code fixChecksum}. */
    private static void edit(Path file, boolean fixChecksum, Consumer<ByteBuffer> edit) throws Exception {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        edit.accept(b);
        if (fixChecksum) {
            CRC32C crc = new CRC32C();
            crc.update(b.array(), 0, b.capacity() - NBodyCacheFile.CHECKSUM_BYTES);
            b.putLong(b.capacity() - NBodyCacheFile.CHECKSUM_BYTES, crc.getValue());
        }
        Files.write(file, b.array());
    }

    @Test
    void anIntactFileReadsBackExactlyWhatWasSimulated(@TempDir Path dir) {
        Path file = cached(dir);
        NBodyDataset fresh = NBodyDataset.generate(SHORT, SEED, 4, 2, 2);
        NBodyDataset back = read(file);
        assertThat(back.train().positions()).containsExactly(fresh.train().positions());
        assertThat(back.test().velocities()).containsExactly(fresh.test().velocities());
        assertThat(back.valid().charges()).containsExactly(fresh.valid().charges());
        assertThat(file).hasSize(NBodyCacheFile.expectedLength(SHORT, 4, 2, 2));
    }

    @Test
    void aHeaderClaimingMillionsOfSamplesIsRefusedWithoutAllocating(@TempDir Path dir) throws Exception {
        Path file = cached(dir);
        edit(file, true, b -> b.putInt(NBodyCacheFile.HEADER_BYTES - 12, 3_000_000));
        assertThatThrownBy(() -> read(file)).isInstanceOf(NBodyCacheException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("declares 3,000,000 trajectories in split 0");
        // the same claim in a file whose length matches it: refused from the length before reading a byte
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(3_000_000L * 2940 * 2); // sparse: ~17.6 GB claimed, nothing written
        }
        assertThatThrownBy(() -> read(file)).isInstanceOf(NBodyCacheException.class)
                .hasMessageContaining("has 17,640,000,000 bytes, expected");
        NBodyDataset replaced = NBodyDataset.load(SHORT, SEED, 4, 2, 2, dir);
        assertThat(replaced.train().samples()).isEqualTo(4);
        assertThat(file).hasSize(NBodyCacheFile.expectedLength(SHORT, 4, 2, 2));
    }

    @Test
    void aFlippedByteFailsTheChecksum(@TempDir Path dir) throws Exception {
        Path file = cached(dir);
        edit(file, false, b -> b.put(1000, (byte) (b.get(1000) ^ 0x10)));
        assertThatThrownBy(() -> read(file)).isInstanceOf(NBodyCacheException.class).hasMessageContaining("checksum");
    }

    @Test
    void nanValuesAreRefusedEvenWithAValidChecksum(@TempDir Path dir) throws Exception {
        Path file = cached(dir);
        edit(file, true, b -> {
            for (int at = NBodyCacheFile.HEADER_BYTES; at < b.capacity() - NBodyCacheFile.CHECKSUM_BYTES; at += 4) {
                b.putFloat(at, Float.NaN);
            }
        });
        assertThatThrownBy(() -> read(file)).isInstanceOf(NBodyCacheException.class)
                .hasMessageContaining("has NaN in its positions at index 0");
    }

    @Test
    void chargesOtherThanPlusMinusOneAreRefused(@TempDir Path dir) throws Exception {
        Path file = cached(dir);
        int frameValues = SHORT.frames() * SHORT.particles() * 3;
        int chargesAt = NBodyCacheFile.HEADER_BYTES + 4 * 4 * 2 * frameValues; // split 0: positions and velocities of 4 samples
        edit(file, true, b -> b.putFloat(chargesAt, 0.5f));
        assertThatThrownBy(() -> read(file)).isInstanceOf(NBodyCacheException.class)
                .hasMessageContaining("has charge 0.5 at index 0");
    }

    @Test
    void plausibleButAlteredTrajectoriesFailTheReSimulatedSpotCheck(@TempDir Path dir) throws Exception {
        Path file = cached(dir);
        int frameValues = SHORT.frames() * SHORT.particles() * 3;
        // every position of the training split moved by 1 %, checksum recomputed: finite, charges intact
        edit(file, true, b -> {
            for (int k = 0; k < 4 * frameValues; k++) {
                int at = NBodyCacheFile.HEADER_BYTES + 4 * k;
                b.putFloat(at, b.getFloat(at) * 1.01f);
            }
        });
        assertThatThrownBy(() -> read(file)).isInstanceOf(NBodyCacheException.class)
                .hasMessageMatching(".*trajectory \\d of split 0 differs from its simulation");
    }

    @Test
    void loadReplacesADamagedFileWithFreshlySimulatedSplits(@TempDir Path dir) throws Exception {
        Path file = cached(dir);
        edit(file, true, b -> b.putFloat(NBodyCacheFile.HEADER_BYTES, Float.POSITIVE_INFINITY));
        NBodyDataset loaded = NBodyDataset.load(SHORT, SEED, 4, 2, 2, dir);
        assertThat(loaded.train().positions()).containsExactly(NBodyDataset.generate(SHORT, SEED, 4, 2, 2).train().positions());
        assertThat(read(file).train().positions()).containsExactly(loaded.train().positions()); // the file is intact again
        Files.write(file, new byte[] {1, 2, 3}); // a truncated file
        assertThat(NBodyDataset.load(SHORT, SEED, 4, 2, 2, dir).test().positions())
                .containsExactly(loaded.test().positions());
    }

    @Test
    void aFileForOtherSplitSizesOrAnotherSeedIsRefusedByName(@TempDir Path dir) {
        Path file = cached(dir);
        assertThatThrownBy(() -> NBodyCacheFile.read(file, SHORT, SEED, 3, 2, 2)).isInstanceOf(NBodyCacheException.class)
                .hasMessageContaining("expected");
        assertThatThrownBy(() -> NBodyCacheFile.read(file, SHORT, SEED + 1, 4, 2, 2)).isInstanceOf(NBodyCacheException.class)
                .hasMessageContaining("seed 7");
    }
}
