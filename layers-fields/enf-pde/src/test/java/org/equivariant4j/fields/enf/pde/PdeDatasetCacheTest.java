package org.equivariant4j.fields.enf.pde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The on-disk cache: a second load reads the file, a damaged or foreign file is named and replaced. */
class PdeDatasetCacheTest {
    private static final HeatPlaneConfig CONFIG = new HeatPlaneConfig(16, 3.0, 0.1, 3.5, 4, 0.5);

    @TempDir
    Path dir;

    @Test
    void aSecondLoadReadsTheSameValuesFromTheFile() throws IOException {
        PdeDataset first = PdeDataset.load(CONFIG, 7, 3, 2, dir);
        Path file = PdeDataset.cacheFile(CONFIG, 7, 3, 2, dir);
        assertThat(file).exists();
        long modified = Files.getLastModifiedTime(file).toMillis();
        PdeDataset second = PdeDataset.load(CONFIG, 7, 3, 2, dir);
        assertThat(Files.getLastModifiedTime(file).toMillis()).isEqualTo(modified);
        for (Split s : Split.values()) {
            assertThat(second.split(s).values()).containsExactly(first.split(s).values());
        }
        assertThat(second.transformedTest().count()).isEqualTo(2);
    }

    @Test
    void aFlippedByteFailsTheChecksumAndTheFileIsReplaced() throws IOException {
        PdeDataset original = PdeDataset.load(CONFIG, 7, 3, 2, dir);
        Path file = PdeDataset.cacheFile(CONFIG, 7, 3, 2, dir);
        byte[] bytes = Files.readAllBytes(file);
        bytes[PdeCacheFile.HEADER_BYTES + 40] ^= 0x10;
        Files.write(file, bytes);
        assertThatThrownBy(() -> PdeCacheFile.read(file, CONFIG, 7, 3, 2)).isInstanceOf(PdeCacheException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("checksum");
        PdeDataset reloaded = PdeDataset.load(CONFIG, 7, 3, 2, dir);
        assertThat(reloaded.train().values()).containsExactly(original.train().values());
        assertThat(PdeCacheFile.read(file, CONFIG, 7, 3, 2).train().values()).containsExactly(original.train().values());
    }

    @Test
    void aFileOfAnotherLengthIsRejectedBeforeItIsRead() throws IOException {
        PdeDataset.load(CONFIG, 7, 3, 2, dir);
        Path file = PdeDataset.cacheFile(CONFIG, 7, 3, 2, dir);
        Files.write(file, new byte[100]);
        assertThatThrownBy(() -> PdeCacheFile.read(file, CONFIG, 7, 3, 2)).isInstanceOf(PdeCacheException.class)
                .hasMessageContaining("has 100 bytes");
    }

    @Test
    void aFileForAnotherSeedIsRejectedByItsHeader() throws IOException {
        PdeDataset.load(CONFIG, 8, 3, 2, dir);
        Path other = PdeDataset.cacheFile(CONFIG, 8, 3, 2, dir);
        Path file = PdeDataset.cacheFile(CONFIG, 7, 3, 2, dir);
        Files.copy(other, file);
        assertThatThrownBy(() -> PdeCacheFile.read(file, CONFIG, 7, 3, 2)).isInstanceOf(PdeCacheException.class)
                .hasMessageContaining("seed 8");
    }

    /** A self-consistent file (checksum recomputed) whose trajectories are not the simulator's fails the spot check. */
    @Test
    void aConsistentButForeignFileFailsTheResimulatedSpotCheck() {
        PdeDataset real = PdeDataset.generate(CONFIG, 7, 1, 1);
        float[] forged = real.train().values().clone();
        for (int i = 0; i < forged.length; i++) {
            forged[i] *= 1.01f;
        }
        PdeDataset fake = new PdeDataset(CONFIG, 7, new Trajectories(1, 4, 256, 0.5, forged),
                new Trajectories(1, 4, 256, 0.5, forged.clone()), new Trajectories(1, 4, 256, 0.5, forged.clone()));
        Path file = PdeDataset.cacheFile(CONFIG, 7, 1, 1, dir);
        PdeCacheFile.write(file, fake);
        assertThatThrownBy(() -> PdeCacheFile.read(file, CONFIG, 7, 1, 1)).isInstanceOf(PdeCacheException.class)
                .hasMessageContaining("differs from its simulation");
    }

    @Test
    void observedPointsAreASeededPartition() {
        PdeDataset data = PdeDataset.generate(CONFIG, 7, 1, 1);
        ObservedPoints a = data.observed(0.25);
        ObservedPoints b = data.observed(0.25);
        assertThat(a.seen()).containsExactly(b.seen());
        assertThat(a.seen()).hasSize(64);
        assertThat(a.unseen()).hasSize(192);
        java.util.Set<Integer> all = new java.util.HashSet<>();
        for (int p : a.seen()) {
            all.add(p);
        }
        for (int p : a.unseen()) {
            assertThat(all.add(p)).isTrue();
        }
        assertThat(all).hasSize(256);
    }

    @Test
    void unknownProblemIdsListTheKnownOnes() {
        assertThat(PdeProblem.of("heat-plane")).isEqualTo(PdeProblem.HEAT_PLANE);
        assertThatThrownBy(() -> PdeProblem.of("heat")).isInstanceOf(org.equivariant4j.core.error.UnknownIdException.class)
                .hasMessageContaining("navier-stokes");
    }
}
