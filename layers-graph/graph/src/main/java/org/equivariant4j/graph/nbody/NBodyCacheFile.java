package org.equivariant4j.graph.nbody;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.zip.CRC32C;

import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.nn.io.AtomicFiles;

/**
 * The on-disk form of an {@link NBodyDataset}: one little-endian file holding the header
 * {@code "EQ4JNBD2", particles, frames, configuration hash, dataset seed, 3, samples per split}, the
 * float32 positions, velocities and charges of each split, and a CRC-32C of everything before it.
 *
 * <p>Reading trusts nothing in the file. The expected length follows from the split sizes the caller asks
 * for, so it is compared with the file's length before anything is allocated (a header claiming millions
 * of samples costs nothing); then the header must match the request, the checksum must match, every
 * value must be finite and every charge ±1, and a few randomly chosen trajectories of each split are
 * simulated again and must equal the cached ones bit for bit. The checksum catches damage and edits that
 * do not recompute it; the re-simulated spot checks catch a self-consistent file whose trajectories are
 * not the simulator's (with probability growing with the share of altered trajectories: 1 - (1 - f)^k
 * per split for a share f and k checks). Any failure is an {@link NBodyCacheException} naming the file.
 */
final class NBodyCacheFile {
    private static final long MAGIC = 0x4551344A4E424432L; // the text "EQ4JNBD2" as a big-endian long
    private static final int SPLITS = 3;
    static final int HEADER_BYTES = 8 + 4 + 4 + 4 + 8 + 4 + 4 * SPLITS;
    static final int CHECKSUM_BYTES = 8;
    /** Trajectories per split simulated again at every read (about a millisecond each). */
    static final int SPOT_CHECKS = 2;

    private NBodyCacheFile() {
    }

    /** The exact length of the file holding splits of these sizes. */
    static long expectedLength(NBodyConfig config, int... samples) {
        long frameValues = (long) config.frames() * config.particles() * 3;
        long bytes = HEADER_BYTES + CHECKSUM_BYTES;
        for (int s : samples) {
            bytes += 4L * s * (2 * frameValues + config.particles());
        }
        return bytes;
    }

    /** Writes {@code data} to {@code file} atomically (a reader never sees half a file). */
    static void write(Path file, NBodyDataset data) {
        NBodySplit[] splits = {data.train(), data.valid(), data.test()};
        long length = expectedLength(data.config(), splits[0].samples(), splits[1].samples(), splits[2].samples());
        if (length > Integer.MAX_VALUE - 16) {
            throw new NBodyCacheException("NBodyDataset: " + length + " bytes of trajectories do not fit one cache file " + file
                    + " (at most 2 GB)");
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) length).order(ByteOrder.LITTLE_ENDIAN);
        NBodyConfig config = data.config();
        buffer.putLong(MAGIC).putInt(config.particles()).putInt(config.frames()).putInt(config.key().hashCode())
                .putLong(data.seed()).putInt(SPLITS);
        for (NBodySplit s : splits) {
            buffer.putInt(s.samples());
        }
        for (NBodySplit s : splits) {
            putFloats(buffer, s.positions());
            putFloats(buffer, s.velocities());
            putFloats(buffer, s.charges());
        }
        CRC32C crc = new CRC32C();
        crc.update(buffer.array(), 0, buffer.position());
        buffer.putLong(crc.getValue());
        AtomicFiles.write(file, buffer.array());
    }

    /** Reads the splits of the given sizes from {@code file}, or throws {@link NBodyCacheException} saying what is wrong. */
    static NBodyDataset read(Path file, NBodyConfig config, long seed, int train, int valid, int test) {
        int[] sizes = {train, valid, test};
        long expected = expectedLength(config, sizes);
        long actual;
        try {
            actual = Files.size(file);
        } catch (IOException e) {
            throw new NBodyCacheException("NBodyDataset: cannot read the cache file " + file, e);
        }
        if (actual != expected) {
            throw damaged(file, String.format(Locale.ROOT, "has %,d bytes, expected %,d for %,d/%,d/%,d trajectories", actual,
                    expected, train, valid, test));
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new NBodyCacheException("NBodyDataset: cannot read the cache file " + file, e);
        }
        if (bytes.length != expected) {
            throw damaged(file, "changed length while being read");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        checkHeader(file, buffer, config, seed, sizes);
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - CHECKSUM_BYTES);
        long stored = buffer.getLong(bytes.length - CHECKSUM_BYTES);
        if (stored != crc.getValue()) {
            throw damaged(file, String.format(Locale.ROOT, "checksum %08x does not match its contents (%08x)", stored,
                    crc.getValue()));
        }
        buffer.position(HEADER_BYTES);
        NBodySplit[] splits = new NBodySplit[SPLITS];
        int n = config.particles();
        int frames = config.frames();
        for (int i = 0; i < SPLITS; i++) {
            float[] positions = getFloats(buffer, sizes[i] * frames * n * 3);
            float[] velocities = getFloats(buffer, positions.length);
            float[] charges = getFloats(buffer, sizes[i] * n);
            splits[i] = new NBodySplit(sizes[i], frames, n, positions, velocities, charges);
            checkValues(file, i, splits[i]);
            spotCheck(file, config, seed, i, splits[i]);
        }
        return new NBodyDataset(config, seed, splits[0], splits[1], splits[2]);
    }

    private static void checkHeader(Path file, ByteBuffer buffer, NBodyConfig config, long seed, int[] sizes) {
        if (buffer.getLong() != MAGIC) {
            throw damaged(file, "is not an N-body cache file of this version (magic EQ4JNBD2)");
        }
        int particles = buffer.getInt();
        int frames = buffer.getInt();
        int key = buffer.getInt();
        long fileSeed = buffer.getLong();
        int count = buffer.getInt();
        if (particles != config.particles() || frames != config.frames() || key != config.key().hashCode() || fileSeed != seed
                || count != SPLITS) {
            throw damaged(file, String.format(Locale.ROOT, "was written for %d particles, %d frames, configuration %08x, seed %d,"
                    + " %d splits; expected %d, %d, %08x, %d, %d", particles, frames, key, fileSeed, count, config.particles(),
                    config.frames(), config.key().hashCode(), seed, SPLITS));
        }
        for (int i = 0; i < SPLITS; i++) {
            int samples = buffer.getInt();
            if (samples != sizes[i]) {
                throw damaged(file, String.format(Locale.ROOT, "declares %,d trajectories in split %d, expected %,d", samples, i,
                        sizes[i]));
            }
        }
    }

    private static void checkValues(Path file, int split, NBodySplit s) {
        checkFinite(file, split, "positions", s.positions());
        checkFinite(file, split, "velocities", s.velocities());
        float[] charges = s.charges();
        for (int k = 0; k < charges.length; k++) {
            if (charges[k] != 1f && charges[k] != -1f) {
                throw damaged(file, "split " + split + " has charge " + charges[k] + " at index " + k + " (expected ±1)");
            }
        }
    }

    private static void checkFinite(Path file, int split, String what, float[] values) {
        for (int k = 0; k < values.length; k++) {
            if (!Float.isFinite(values[k])) {
                throw damaged(file, "split " + split + " has " + values[k] + " in its " + what + " at index " + k);
            }
        }
    }

    /** Simulates {@link #SPOT_CHECKS} random trajectories of the split again and requires the cached values bit for bit. */
    private static void spotCheck(Path file, NBodyConfig config, long seed, int split, NBodySplit s) {
        if (s.samples() == 0) {
            return;
        }
        ChargedParticleSimulator simulator = new ChargedParticleSimulator(config);
        SplittableRandom pick = new SplittableRandom(System.nanoTime() ^ Double.doubleToLongBits(Math.random()));
        int stride = s.frames() * s.particles() * 3;
        for (int c = 0; c < SPOT_CHECKS; c++) {
            int k = c == 0 ? 0 : pick.nextInt(s.samples());
            NBodyTrajectory t = simulator.simulate(new Rng(NBodySplit.trajectorySeed(seed, split, k)));
            boolean same = true;
            for (int i = 0; i < stride && same; i++) {
                same = s.positions()[k * stride + i] == (float) t.positions()[i]
                        && s.velocities()[k * stride + i] == (float) t.velocities()[i];
            }
            for (int i = 0; i < s.particles() && same; i++) {
                same = s.charges()[k * s.particles() + i] == (float) t.charges()[i];
            }
            if (!same) {
                throw damaged(file, "trajectory " + k + " of split " + split + " differs from its simulation");
            }
        }
    }

    private static NBodyCacheException damaged(Path file, String what) {
        return new NBodyCacheException("NBodyDataset: the cache file " + file + " " + what);
    }

    private static void putFloats(ByteBuffer buffer, float[] values) {
        buffer.asFloatBuffer().put(values);
        buffer.position(buffer.position() + 4 * values.length);
    }

    private static float[] getFloats(ByteBuffer buffer, int count) {
        float[] out = new float[count];
        buffer.asFloatBuffer().get(out);
        buffer.position(buffer.position() + 4 * count);
        return out;
    }
}
