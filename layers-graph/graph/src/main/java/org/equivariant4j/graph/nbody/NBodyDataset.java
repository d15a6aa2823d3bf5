package org.equivariant4j.graph.nbody;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.equivariant4j.nn.io.AtomicFiles;

/**
 * Train, validation and test splits of the charged N-body system, generated in-process from a seed and
 * cached on disk (one little-endian float32 file per configuration, seed and split sizes, written
 * atomically so an interrupted run never leaves a half file). The reference protocol: 3,000 training,
 * 2,000 validation and 2,000 test trajectories.
 */
public record NBodyDataset(NBodyConfig config, long seed, NBodySplit train, NBodySplit valid, NBodySplit test) {
    private static final long MAGIC = 0x4551344A4E424431L; // "EQ4JNBD1"

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

    /** Reads the splits from {@code cacheDir} if cached there, else generates and caches them. */
    public static NBodyDataset load(NBodyConfig config, long seed, int train, int valid, int test, Path cacheDir) {
        Path file = cacheFile(config, seed, train, valid, test, cacheDir);
        if (Files.isRegularFile(file)) {
            try {
                return read(file, config, seed);
            } catch (IOException | RuntimeException e) {
                // a file of an older format or a damaged one: regenerate (and replace it atomically)
            }
        }
        NBodyDataset data = generate(config, seed, train, valid, test);
        data.write(file);
        return data;
    }

    /** Where {@link #load} keeps these splits. */
    public static Path cacheFile(NBodyConfig config, long seed, int train, int valid, int test, Path cacheDir) {
        String name = String.format(Locale.ROOT, "charged-%08x-seed%d-%d-%d-%d.bin", config.key().hashCode(), seed, train,
                valid, test);
        return cacheDir.resolve(name);
    }

    private void write(Path file) {
        NBodySplit[] splits = {train, valid, test};
        long bytes = 8 + 4 * 4;
        for (NBodySplit s : splits) {
            bytes += 4 + 4L * (s.positions().length + s.velocities().length + s.charges().length);
        }
        ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(bytes)).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(MAGIC).putInt(config.particles()).putInt(config.frames()).putInt(config.key().hashCode())
                .putInt(splits.length);
        for (NBodySplit s : splits) {
            buffer.putInt(s.samples());
            buffer.asFloatBuffer().put(s.positions());
            buffer.position(buffer.position() + 4 * s.positions().length);
            buffer.asFloatBuffer().put(s.velocities());
            buffer.position(buffer.position() + 4 * s.velocities().length);
            buffer.asFloatBuffer().put(s.charges());
            buffer.position(buffer.position() + 4 * s.charges().length);
        }
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("NBodyDataset: cannot create the cache folder " + file.getParent(), e);
        }
        AtomicFiles.write(file, buffer.array());
    }

    private static NBodyDataset read(Path file, NBodyConfig config, long seed) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        if (buffer.getLong() != MAGIC) {
            throw new IOException("not an N-body cache file: " + file);
        }
        int n = buffer.getInt();
        int frames = buffer.getInt();
        int key = buffer.getInt();
        int count = buffer.getInt();
        if (n != config.particles() || frames != config.frames() || key != config.key().hashCode() || count != 3) {
            throw new IOException("N-body cache file " + file + " was written for another configuration");
        }
        NBodySplit[] splits = new NBodySplit[3];
        for (int i = 0; i < 3; i++) {
            int samples = buffer.getInt();
            float[] positions = new float[samples * frames * n * 3];
            float[] velocities = new float[positions.length];
            float[] charges = new float[samples * n];
            buffer.asFloatBuffer().get(positions);
            buffer.position(buffer.position() + 4 * positions.length);
            buffer.asFloatBuffer().get(velocities);
            buffer.position(buffer.position() + 4 * velocities.length);
            buffer.asFloatBuffer().get(charges);
            buffer.position(buffer.position() + 4 * charges.length);
            splits[i] = new NBodySplit(samples, frames, n, positions, velocities, charges);
        }
        return new NBodyDataset(config, seed, splits[0], splits[1], splits[2]);
    }
}
