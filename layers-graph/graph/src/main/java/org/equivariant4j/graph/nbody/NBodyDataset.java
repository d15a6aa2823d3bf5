package org.equivariant4j.graph.nbody;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;


/**
 * Train, validation and test splits of the charged N-body system, generated in-process from a seed and
 * cached on disk (one checksummed little-endian float32 file per configuration, seed and split sizes,
 * written atomically so an interrupted run never leaves a half file, and checked at every read: see
 * {@link NBodyCacheFile}). The reference protocol: 3,000 training,
 * 2,000 validation and 2,000 test trajectories.
 */
public record NBodyDataset(NBodyConfig config, long seed, NBodySplit train, NBodySplit valid, NBodySplit test) {
    private static final System.Logger LOG = System.getLogger(NBodyDataset.class.getName());

    /** The cache folder used when none is given: {@code $EQ4J_CACHE} or {@code ~/.cache/equivariant4j}, then {@code nbody}. */
    public static Path defaultCacheDir() {
        String env = System.getenv("EQ4J_CACHE");
        Path base = env != null && !env.isBlank() ? Path.of(env)
                : Path.of(System.getProperty("user.home"), ".cache", "equivariant4j");
        return base.resolve("nbody");
    }

    /** Simulates the three splits (no disk access). */
    public static NBodyDataset generate(NBodyConfig config, long seed, int train, int valid, int test) {
        return new NBodyDataset(config, seed, NBodySplit.simulate(config, seed, 0, train),
                NBodySplit.simulate(config, seed, 1, valid), NBodySplit.simulate(config, seed, 2, test));
    }

    /**
     * Reads the splits from {@code cacheDir} if cached there and intact, else generates them and caches
     * them (atomically). A cache file that does not pass {@link NBodyCacheFile}'s checks (length, header,
     * checksum, finite values, re-simulated spot checks) is reported as a warning naming the file and the
     * fault, then replaced by freshly simulated splits.
     */
    public static NBodyDataset load(NBodyConfig config, long seed, int train, int valid, int test, Path cacheDir) {
        Path file = cacheFile(config, seed, train, valid, test, cacheDir);
        if (Files.isRegularFile(file)) {
            try {
                return NBodyCacheFile.read(file, config, seed, train, valid, test);
            } catch (NBodyCacheException e) {
                LOG.log(System.Logger.Level.WARNING, e.getMessage() + "; regenerating it");
            }
        }
        NBodyDataset data = generate(config, seed, train, valid, test);
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("NBodyDataset: cannot create the cache folder " + file.getParent(), e);
        }
        NBodyCacheFile.write(file, data);
        return data;
    }

    /** Where {@link #load} keeps these splits. */
    public static Path cacheFile(NBodyConfig config, long seed, int train, int valid, int test, Path cacheDir) {
        String name = String.format(Locale.ROOT, "charged-%08x-seed%d-%d-%d-%d.bin", config.key().hashCode(), seed, train,
                valid, test);
        return cacheDir.resolve(name);
    }
}
