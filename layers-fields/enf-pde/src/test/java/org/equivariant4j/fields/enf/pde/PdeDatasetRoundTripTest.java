package org.equivariant4j.fields.enf.pde;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every problem's dataset survives the cache: written, read back with its re-simulated spot check passing. */
class PdeDatasetRoundTripTest {
    @TempDir
    Path dir;

    static List<PdeConfig> configs() {
        return List.of(new HeatPlaneConfig(12, 3.0, 0.1, 3.5, 3, 0.5),
                new NavierStokesConfig(16, 1e-3, 0.3, 2.5, 7.0, 0.5, 3, 0.5, 0.05),
                new HeatSphereConfig(6, 12, 0.01, 0.25, 16, 3, 0.5));
    }

    @ParameterizedTest
    @MethodSource("configs")
    void roundTripsThroughTheCache(PdeConfig config) {
        PdeDataset written = PdeDataset.load(config, 2, 3, 2, dir);
        for (int i = 0; i < 5; i++) { // the spot check picks a random trajectory each time
            PdeDataset read = PdeCacheFile.read(PdeDataset.cacheFile(config, 2, 3, 2, dir), config, 2, 3, 2);
            for (Split s : Split.values()) {
                assertThat(read.split(s).values()).containsExactly(written.split(s).values());
            }
        }
        assertThat(written.grid().points()).isEqualTo(config.grid().points());
        assertThat(written.train().tensor().shape()).containsExactly(3, 3, config.grid().points());
    }
}
