package org.equivariant4j.fields.enf.pde;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.equivariant4j.core.error.InvalidArgumentException;

/**
 * Train, test and transformed-test trajectories of one {@link PdeConfig}, simulated in-process from a seed and cached
 * on disk (one checksummed little-endian float32 file per configuration, seed and split sizes, written atomically and
 * checked at every read: see {@link PdeCacheFile}). The transformed test split has as many trajectories as the test
 * split and is paired with it: trajectory k starts from test trajectory k's initial condition moved by a symmetry.
 */
public record PdeDataset(PdeConfig config, long seed, Trajectories train, Trajectories test, Trajectories transformedTest) {
    private static final System.Logger LOG = System.getLogger(PdeDataset.class.getName());

    public PdeDataset {
        if (test.count() != transformedTest.count()) {
            throw new InvalidArgumentException("PdeDataset: the transformed test split pairs the test split, need equal"
                    + " sizes, got " + test.count() + " and " + transformedTest.count());
        }
    }

    /** The cache folder used when none is given: {@code $EQ4J_CACHE} or {@code ~/.cache/equivariant4j}, then {@code enf-pde}. */
    public static Path defaultCacheDir() {
        String env = System.getenv("EQ4J_CACHE");
        Path base = env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".cache",
                "equivariant4j");
        return base.resolve("enf-pde");
    }

    /** Simulates the three splits (no disk access). */
    public static PdeDataset generate(PdeConfig config, long seed, int train, int test) {
        if (train < 0 || test < 0) {
            throw new InvalidArgumentException("PdeDataset: split sizes must be >= 0, got " + train + " and " + test);
        }
        return new PdeDataset(config, seed, config.simulate(seed, Split.TRAIN, 0, train),
                config.simulate(seed, Split.TEST, 0, test), config.simulate(seed, Split.TRANSFORMED_TEST, 0, test));
    }

    /**
     * Reads the splits from {@code cacheDir} if cached there and intact, else simulates them and caches them
     * (atomically). A cache file that fails {@link PdeCacheFile}'s checks is reported as a warning naming the file
     * and the fault, then replaced.
     */
    public static PdeDataset load(PdeConfig config, long seed, int train, int test, Path cacheDir) {
        Path file = cacheFile(config, seed, train, test, cacheDir);
        if (Files.isRegularFile(file)) {
            try {
                return PdeCacheFile.read(file, config, seed, train, test);
            } catch (PdeCacheException e) {
                LOG.log(System.Logger.Level.WARNING, e.getMessage() + "; simulating it again");
            }
        }
        PdeDataset data = generate(config, seed, train, test);
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("PdeDataset: cannot create the cache folder " + file.getParent(), e);
        }
        PdeCacheFile.write(file, data);
        return data;
    }

    /** {@link #load(PdeConfig, long, int, int, Path)} in {@link #defaultCacheDir()}. */
    public static PdeDataset load(PdeConfig config, long seed, int train, int test) {
        return load(config, seed, train, test, defaultCacheDir());
    }

    /** Where {@link #load} keeps these splits. */
    public static Path cacheFile(PdeConfig config, long seed, int train, int test, Path cacheDir) {
        String name = String.format(Locale.ROOT, "%s-%08x-seed%d-%d-%d.bin", config.problem().id(), config.key().hashCode(),
                seed, train, test);
        return cacheDir.resolve(name);
    }

    /** The trajectories of one split. */
    public Trajectories split(Split split) {
        return switch (split) {
            case TRAIN -> train;
            case TEST -> test;
            case TRANSFORMED_TEST -> transformedTest;
        };
    }

    /** The grid of every frame. */
    public PdeGrid grid() {
        return config.grid();
    }

    /** A seeded sparse set of observed ("seen") points and the rest, the same for every call with these arguments. */
    public ObservedPoints observed(double seenFraction) {
        return ObservedPoints.sample(config.grid().points(), seenFraction, seed ^ 0x0B5E7EDL);
    }
}
