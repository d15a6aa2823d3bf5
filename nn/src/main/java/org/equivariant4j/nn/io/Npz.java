package org.equivariant4j.nn.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Reads and writes NumPy {@code .npz} archives: a zip (stored or deflated) of {@code <name>.npy}
 * members, as {@code numpy.savez} and {@code numpy.savez_compressed} write them. Arrays are read
 * on demand by name; a missing one fails naming the file, the array and the names present.
 *
 * <p>Archives are untrusted. Opening checks the whole directory ({@link ZipDirectory}: local and
 * central headers agree, members do not overlap, declared sizes are possible for their compressed
 * length); reading a member checks that its {@code .npy} header declares exactly the member's size
 * and at most {@code maxArrayBytes} before allocating, inflates no byte beyond that size, and checks
 * the CRC-32 ({@link ZipMemberStream}). So reading every array of an archive allocates at most about
 * {@value ZipDirectory#MAX_DEFLATE_RATIO} times the file's length (deflate's largest ratio), and at
 * most {@code maxArrayBytes} per array; every refusal is an {@link NpyFormatException} naming the
 * file and the member.
 */
public final class Npz implements AutoCloseable {
    private final String file;
    private final SeekableByteChannel channel;
    private final long maxArrayBytes;
    private final Map<String, ZipMember> entries = new LinkedHashMap<>();

    /** Takes ownership of {@code channel}: closes it on refusal and in {@link #close()}. */
    private Npz(String file, SeekableByteChannel channel, long maxArrayBytes) {
        this.file = file;
        this.channel = channel;
        this.maxArrayBytes = maxArrayBytes;
        try {
            for (ZipMember m : ZipDirectory.read(channel, file)) {
                if (!m.name().endsWith("/") && m.name().endsWith(".npy")) {
                    entries.put(m.name().substring(0, m.name().length() - 4), m);
                }
            }
        } catch (IOException | RuntimeException e) {
            closeQuietly();
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new NpyFormatException(file + ": cannot be read (" + e + ")", e);
        }
    }

    /** Opens {@code file}, reading arrays of at most {@link Npy#DEFAULT_MAX_ARRAY_BYTES}; close it when done. */
    public static Npz open(Path file) {
        return open(file, Npy.DEFAULT_MAX_ARRAY_BYTES);
    }

    /** Opens {@code file}, reading arrays of at most {@code maxArrayBytes} each; close it when done (try-with-resources). */
    public static Npz open(Path file, long maxArrayBytes) {
        try {
            return new Npz(file.toString(), FileChannel.open(file, StandardOpenOption.READ), maxArrayBytes);
        } catch (NoSuchFileException e) {
            throw new NpyFormatException(file + ": not found", e);
        } catch (IOException e) {
            throw new NpyFormatException(file + ": cannot be read (" + e + ")", e);
        }
    }

    /** The archive in {@code channel} (the fuzz corpus reads archives from memory); {@code name} stands for the file in errors. */
    static Npz open(SeekableByteChannel channel, String name, long maxArrayBytes) {
        return new Npz(name, channel, maxArrayBytes);
    }

    /** Reads every array of {@code file}, in archive order. */
    public static Map<String, NpyArray> readAll(Path file) {
        try (Npz npz = open(file)) {
            Map<String, NpyArray> out = new LinkedHashMap<>();
            for (String name : npz.names()) {
                out.put(name, npz.get(name));
            }
            return out;
        }
    }

    /** The array names (member names without {@code .npy}), in archive order. */
    public List<String> names() {
        return new ArrayList<>(entries.keySet());
    }

    public boolean contains(String name) {
        return entries.containsKey(name);
    }

    /**
     * The array {@code name}.
     *
     * @throws NpyFormatException if there is no such array, or its member is corrupt, malformed or too large
     */
    public NpyArray get(String name) {
        ZipMember member = entries.get(name);
        if (member == null) {
            throw new NpyFormatException(file + ": no array '" + name + "'; the archive holds " + names());
        }
        String where = file + " (member '" + member.name() + "')";
        try (ZipMemberStream in = new ZipMemberStream(channel, member, where)) {
            return Npy.read(in, where, member.size(), maxArrayBytes);
        } catch (IOException e) {
            throw new NpyFormatException(where + ": cannot be read (" + e + ")", e);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file, e);
        }
    }

    private void closeQuietly() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // The archive is being refused; the refusal is the error worth reporting.
        }
    }

    /** Writes {@code arrays} to {@code file} as {@code numpy.savez} ({@code compressed = false}) or {@code savez_compressed} would. */
    public static void write(Path file, Map<String, NpyArray> arrays, boolean compressed) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, NpyArray> e : arrays.entrySet()) {
                byte[] npy = Npy.toBytes(e.getValue(), ByteOrder.LITTLE_ENDIAN, false);
                ZipEntry entry = new ZipEntry(e.getKey() + ".npy");
                if (!compressed) {
                    CRC32 crc = new CRC32();
                    crc.update(npy);
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(npy.length);
                    entry.setCompressedSize(npy.length);
                    entry.setCrc(crc.getValue());
                } else {
                    entry.setMethod(ZipEntry.DEFLATED);
                }
                zip.putNextEntry(entry);
                zip.write(npy);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        AtomicFiles.write(file, bytes.toByteArray());
    }
}
