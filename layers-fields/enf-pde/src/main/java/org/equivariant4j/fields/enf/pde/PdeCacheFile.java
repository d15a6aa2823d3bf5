package org.equivariant4j.fields.enf.pde;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.zip.CRC32C;

import org.equivariant4j.nn.io.AtomicFiles;

/**
 * The on-disk form of a {@link PdeDataset}: one little-endian file holding the header {@code "EQ4JPDE1", problem,
 * frames, points, configuration hash, dataset seed, 3, trajectories per split}, the float32 values of the train,
 * test and transformed test splits ({@code [N, T, P]} each), and a CRC-32C of everything before it.
 *
 * <p>Reading trusts nothing in the file. Its length must equal the one that follows from the configuration and the
 * split sizes asked for before anything is allocated; then the header must match the request, the checksum must
 * match, every value must be finite, and one randomly chosen trajectory is simulated again and must equal the cached
 * one bit for bit (it costs about 1/N of generating a split of N). Any failure is a {@link PdeCacheException}
 * naming the file and the fault.
 */
final class PdeCacheFile {
    private static final long MAGIC = 0x4551344A50444531L; // "EQ4JPDE1" read big-endian
    private static final int SPLITS = 3;
    static final int HEADER_BYTES = 8 + 4 + 4 + 4 + 4 + 8 + 4 + 4 * SPLITS;
    static final int CHECKSUM_BYTES = 8;

    private PdeCacheFile() {
    }

    /** The exact length of the file holding splits of these sizes. */
    static long expectedLength(PdeConfig config, int... counts) {
        long perTrajectory = 4L * config.frames() * config.grid().points();
        long bytes = HEADER_BYTES + CHECKSUM_BYTES;
        for (int c : counts) {
            bytes += perTrajectory * c;
        }
        return bytes;
    }

    /** Writes {@code data} to {@code file} atomically (a reader never sees half a file). */
    static void write(Path file, PdeDataset data) {
        Trajectories[] splits = {data.train(), data.test(), data.transformedTest()};
        PdeConfig config = data.config();
        long length = expectedLength(config, splits[0].count(), splits[1].count(), splits[2].count());
        if (length > Integer.MAX_VALUE - 16) {
            throw new PdeCacheException("PdeDataset: " + length + " bytes of trajectories do not fit one cache file " + file
                    + " (at most 2 GB)");
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) length).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(MAGIC).putInt(config.problem().ordinal()).putInt(config.frames()).putInt(config.grid().points())
                .putInt(config.key().hashCode()).putLong(data.seed()).putInt(SPLITS);
        for (Trajectories s : splits) {
            buffer.putInt(s.count());
        }
        for (Trajectories s : splits) {
            buffer.asFloatBuffer().put(s.values());
            buffer.position(buffer.position() + 4 * s.values().length);
        }
        CRC32C crc = new CRC32C();
        crc.update(buffer.array(), 0, buffer.position());
        buffer.putLong(crc.getValue());
        AtomicFiles.write(file, buffer.array());
    }

    /** Reads the splits of the given sizes from {@code file}, or throws {@link PdeCacheException} saying what is wrong. */
    static PdeDataset read(Path file, PdeConfig config, long seed, int train, int test) {
        int[] counts = {train, test, test};
        long expected = expectedLength(config, counts);
        byte[] bytes = readExactly(file, expected, String.format(Locale.ROOT, "%,d/%,d/%,d trajectories", train, test,
                test));
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        checkHeader(file, buffer, config, seed, counts);
        checkChecksum(file, bytes);
        buffer.position(HEADER_BYTES);
        int frames = config.frames();
        int points = config.grid().points();
        Trajectories[] splits = new Trajectories[SPLITS];
        for (int i = 0; i < SPLITS; i++) {
            float[] values = new float[counts[i] * frames * points];
            buffer.asFloatBuffer().get(values);
            buffer.position(buffer.position() + 4 * values.length);
            for (int v = 0; v < values.length; v++) {
                if (!Float.isFinite(values[v])) {
                    throw damaged(file, "split " + Split.values()[i] + " has " + values[v] + " at index " + v);
                }
            }
            splits[i] = new Trajectories(counts[i], frames, points, config.dt(), values);
        }
        spotCheck(file, config, seed, splits);
        return new PdeDataset(config, seed, splits[0], splits[1], splits[2]);
    }

    /**
     * The file's bytes, if it has exactly {@code expected} of them: the size is compared before the buffer is
     * allocated, so a file of any other size costs nothing, and one that changes while being read is refused.
     */
    private static byte[] readExactly(Path file, long expected, String contents) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size != expected) {
                throw damaged(file, String.format(Locale.ROOT, "has %,d bytes, expected %,d for %s", size, expected,
                        contents));
            }
            if (expected > Integer.MAX_VALUE - 16) {
                throw damaged(file, "would hold " + expected + " bytes, more than one cache file holds (2 GB)");
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) expected);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer) < 0) {
                    throw damaged(file, "got shorter while being read");
                }
            }
            if (channel.read(ByteBuffer.allocate(1)) > 0) {
                throw damaged(file, "got longer while being read");
            }
            return buffer.array();
        } catch (IOException e) {
            throw new PdeCacheException("PdeDataset: cannot read the cache file " + file, e);
        }
    }

    /** The stored CRC-32C (the last 8 bytes) must be that of everything before it. */
    private static void checkChecksum(Path file, byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - CHECKSUM_BYTES);
        long stored = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong(bytes.length - CHECKSUM_BYTES);
        if (stored != crc.getValue()) {
            throw damaged(file, String.format(Locale.ROOT, "checksum %08x does not match its contents (%08x)", stored,
                    crc.getValue()));
        }
    }

    private static void checkHeader(Path file, ByteBuffer buffer, PdeConfig config, long seed, int[] counts) {
        if (buffer.getLong() != MAGIC) {
            throw damaged(file, "is not a PDE dataset cache file of this version (magic EQ4JPDE1)");
        }
        int problem = buffer.getInt();
        int frames = buffer.getInt();
        int points = buffer.getInt();
        int key = buffer.getInt();
        long fileSeed = buffer.getLong();
        int splits = buffer.getInt();
        if (problem != config.problem().ordinal() || frames != config.frames() || points != config.grid().points()
                || key != config.key().hashCode() || fileSeed != seed || splits != SPLITS) {
            throw damaged(file, String.format(Locale.ROOT, "was written for problem %d, %d frames, %d points, configuration"
                    + " %08x, seed %d, %d splits; expected %d, %d, %d, %08x, %d, %d", problem, frames, points, key, fileSeed,
                    splits, config.problem().ordinal(), config.frames(), config.grid().points(), config.key().hashCode(), seed,
                    SPLITS));
        }
        for (int i = 0; i < SPLITS; i++) {
            int count = buffer.getInt();
            if (count != counts[i]) {
                throw damaged(file, String.format(Locale.ROOT, "declares %,d trajectories in split %s, expected %,d", count,
                        Split.values()[i], counts[i]));
            }
        }
    }

    /** Simulates one random trajectory of a random non-empty split again and requires the cached values bit for bit. */
    private static void spotCheck(Path file, PdeConfig config, long seed, Trajectories[] splits) {
        SplittableRandom pick = new SplittableRandom(System.nanoTime());
        int first = pick.nextInt(SPLITS);
        for (int offset = 0; offset < SPLITS; offset++) {
            int s = (first + offset) % SPLITS;
            if (splits[s].count() == 0) {
                continue;
            }
            int k = pick.nextInt(splits[s].count());
            Trajectories again = config.simulate(seed, Split.values()[s], k, 1);
            int stride = config.frames() * config.grid().points();
            for (int i = 0; i < stride; i++) {
                if (Float.floatToIntBits(again.values()[i]) != Float.floatToIntBits(splits[s].values()[k * stride + i])) {
                    throw damaged(file, "trajectory " + k + " of split " + Split.values()[s] + " differs from its simulation");
                }
            }
            return;
        }
    }

    private static PdeCacheException damaged(Path file, String what) {
        return new PdeCacheException("PdeDataset: the cache file " + file + " " + what);
    }
}
