package org.equivariant4j.nn.io;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Reads and writes NumPy {@code .npz} archives: a zip (stored or deflated) of {@code <name>.npy}
 * members, as {@code numpy.savez} and {@code numpy.savez_compressed} write them. Arrays are read
 * on demand by name; a missing one fails naming the file, the array and the names present.
 */
public final class Npz implements AutoCloseable {
    private final Path file;
    private final ZipFile zip;
    private final Map<String, ZipEntry> entries = new LinkedHashMap<>();

    private Npz(Path file) {
        this.file = file;
        try {
            this.zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new NpyFormatException(file + ": not a .npz (zip) archive: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        for (ZipEntry e : Collections.list(zip.entries())) {
            String name = e.getName();
            if (!e.isDirectory() && name.endsWith(".npy")) {
                entries.put(name.substring(0, name.length() - 4), e);
            }
        }
    }

    /** Opens {@code file}; close it when done (try-with-resources). */
    public static Npz open(Path file) {
        return new Npz(file);
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

    /** The array {@code name}. */
    public NpyArray get(String name) {
        ZipEntry entry = entries.get(name);
        if (entry == null) {
            throw new NpyFormatException(file + ": no array '" + name + "'; the archive holds " + names());
        }
        String where = file + " (array '" + name + "')";
        try (InputStream in = new BufferedInputStream(zip.getInputStream(entry))) {
            return Npy.read(in, where, entry.getSize());
        } catch (ZipException e) {
            throw new NpyFormatException(where + ": corrupt zip member: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + where + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            zip.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file, e);
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
