package org.equivariant4j.nn.checkpoint;

import org.equivariant4j.nn.io.AtomicFiles;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.io.ByteArrayOutputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.equivariant4j.core.module.Module;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.GradMode;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;

/**
 * Saves and loads tensors in the safetensors format, so checkpoints open in PyTorch
 * ({@code safetensors.torch.load_file}) and PyTorch's files open here. A file is:
 * <pre>
 * 8 bytes     N, the header length, unsigned little-endian
 * N bytes     UTF-8 JSON: {"__metadata__": {str: str}, "name": {"dtype": "F32", "shape": [..],
 *             "data_offsets": [begin, end]}, ...}, space-padded so the data starts 8-byte aligned
 * the rest    the tensors' bytes, little-endian, row-major, packed in offset order
 * </pre>
 *
 * <p>Writing is atomic (a temporary file renamed over the target), so a crash never leaves a
 * half-written checkpoint. Reading treats the file as untrusted: the header length is capped at
 * {@link #MAX_HEADER_BYTES}, and the header is fully validated (JSON, dtypes, shape against byte
 * count, offsets tiling the data section, file length) before any tensor is created, so a corrupt
 * or hostile file fails with a {@link CheckpointException} naming the problem rather than with an
 * {@link OutOfMemoryError} or a partial load.
 *
 * <pre>{@code
 * Safetensors.save(model, Path.of("model.safetensors"), Map.of("epoch", "10"));
 * Safetensors.loadInto(model, Path.of("model.safetensors"));
 * }</pre>
 */
public final class Safetensors {

    /** Largest header accepted (100 MB): real headers are kilobytes; a larger length means a corrupt or hostile file. */
    public static final long MAX_HEADER_BYTES = 100L * 1024 * 1024;

    /** Bytes converted per chunk, so encoding a large tensor never doubles its memory. */
    private static final int CHUNK_BYTES = 1 << 20;

    private Safetensors() {
    }

    // ---------------------------------------------------------------- writing

    /** Saves {@code module}'s state dict (parameters and buffers by dotted path). */
    public static void save(Module module, Path path, Map<String, String> metadata) {
        save(module.stateDict(), path, metadata);
    }

    /**
     * Saves {@code tensors} in iteration order with {@code metadata} (may be empty) in the header.
     *
     * @throws CheckpointException when a name is empty or reserved, or the file cannot be written
     */
    public static void save(Map<String, Tensor> tensors, Path path, Map<String, String> metadata) {
        Objects.requireNonNull(path, "path");
        Layout layout = Layout.of(tensors, metadata, "Safetensors.save(" + path + ")");
        try {
            AtomicFiles.write(path, channel -> layout.writeTo(channel, tensors));
        } catch (IOException e) {
            throw new CheckpointException("Safetensors.save(" + path + "): " + e, e);
        }
    }

    /**
     * {@code tensors} as the bytes of a safetensors file with no metadata, for sending over a wire (the same bytes
     * {@link #save} writes). The inverse is {@link #decode}.
     *
     * @throws CheckpointException when a name is empty or reserved, or the tensors need more than 2 GB
     */
    public static byte[] encode(Map<String, Tensor> tensors) {
        Layout layout = Layout.of(tensors, Map.of(), "Safetensors.encode");
        long total = 8L + layout.header.length + layout.dataBytes;
        if (total > Integer.MAX_VALUE - 8) {
            throw new CheckpointException("Safetensors.encode: " + total + " bytes do not fit in one byte array (at most "
                    + (Integer.MAX_VALUE - 8) + "); save to a file instead");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) total);
        try {
            layout.writeTo(Channels.newChannel(out), tensors);
        } catch (IOException e) {
            throw new CheckpointException("Safetensors.encode: " + e, e);
        }
        return out.toByteArray();
    }

    /** The header entries and encoded header of {@code tensors}, validated; the data section's size. */
    private record Layout(List<HeaderEntry> entries, byte[] header, long dataBytes) {
        static Layout of(Map<String, Tensor> tensors, Map<String, String> metadata, String where) {
            Objects.requireNonNull(tensors, "tensors");
            Objects.requireNonNull(metadata, "metadata (pass Map.of() for none)");
            List<HeaderEntry> entries = new ArrayList<>();
            long offset = 0;
            for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
                String name = e.getKey();
                if (name == null || name.isEmpty() || name.equals(SafetensorsHeader.METADATA_KEY)) {
                    throw new CheckpointException(where + ": invalid tensor name '" + name + "'");
                }
                Tensor t = Objects.requireNonNull(e.getValue(), () -> "tensor '" + name + "' is null");
                long bytes = t.numel() * t.dtype().byteSize();
                entries.add(new HeaderEntry(name, t.dtype(), t.shape(), offset, offset + bytes));
                offset += bytes;
            }
            metadata.forEach((k, v) -> {
                if (k == null || v == null) {
                    throw new CheckpointException(where + ": metadata keys and values must not be null");
                }
            });
            return new Layout(entries, SafetensorsHeader.encode(entries, metadata), offset);
        }

        void writeTo(WritableByteChannel channel, Map<String, Tensor> tensors) throws IOException {
            ByteBuffer length = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(header.length).flip();
            writeFully(channel, length);
            writeFully(channel, ByteBuffer.wrap(header));
            for (HeaderEntry entry : entries) {
                writeData(channel, tensors.get(entry.name()));
            }
        }
    }

    private static void writeData(WritableByteChannel channel, Tensor t) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        try (GradMode.Scope ignored = GradMode.disabled()) {
            switch (t.dtype()) {
                case FLOAT32 -> {
                    float[] v = t.toFloatArray();
                    for (int i = 0; i < v.length; i++) {
                        flushIfFull(channel, chunk, 4).putFloat(v[i]);
                    }
                }
                case FLOAT64 -> {
                    double[] v = t.toDoubleArray();
                    for (int i = 0; i < v.length; i++) {
                        flushIfFull(channel, chunk, 8).putDouble(v[i]);
                    }
                }
                case INT64 -> {
                    long[] v = t.toLongArray();
                    for (int i = 0; i < v.length; i++) {
                        flushIfFull(channel, chunk, 8).putLong(v[i]);
                    }
                }
                case INT32 -> {
                    long[] v = t.toLongArray();
                    for (int i = 0; i < v.length; i++) {
                        flushIfFull(channel, chunk, 4).putInt((int) v[i]);
                    }
                }
                case BOOL -> {
                    long[] v = t.toLongArray();
                    for (int i = 0; i < v.length; i++) {
                        flushIfFull(channel, chunk, 1).put(v[i] != 0 ? (byte) 1 : (byte) 0);
                    }
                }
            }
        }
        chunk.flip();
        writeFully(channel, chunk);
    }

    private static ByteBuffer flushIfFull(WritableByteChannel channel, ByteBuffer chunk, int needed) throws IOException {
        if (chunk.remaining() < needed) {
            chunk.flip();
            writeFully(channel, chunk);
            chunk.clear();
        }
        return chunk;
    }

    private static void writeFully(WritableByteChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    // ---------------------------------------------------------------- reading

    /**
     * Loads every tensor of a safetensors file, in file order. Nothing is created unless the whole
     * header is valid.
     *
     * @throws CheckpointException when the file is missing, unreadable or malformed
     */
    public static Map<String, Tensor> load(Path path) {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            return read(Source.of(channel), path.toString());
        } catch (NoSuchFileException e) {
            throw new CheckpointException("Safetensors.load(" + path + "): no such file", e);
        } catch (EOFException e) {
            throw new CheckpointException("Safetensors.load(" + path + "): the file ended early (truncated while reading?)", e);
        } catch (IOException e) {
            throw new CheckpointException("Safetensors.load(" + path + "): " + e, e);
        }
    }

    /**
     * The tensors of safetensors {@code bytes} (from {@link #encode} or any writer), validated exactly as a file
     * {@link #load} reads: untrusted bytes fail with a {@link CheckpointException}, never with a partial result.
     */
    public static Map<String, Tensor> decode(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        try {
            return read(Source.of(bytes), "Safetensors.decode(" + bytes.length + " bytes)");
        } catch (EOFException e) {
            throw new CheckpointException("Safetensors.decode: the bytes ended early", e);
        } catch (IOException e) {
            throw new CheckpointException("Safetensors.decode: " + e, e);
        }
    }

    private static Map<String, Tensor> read(Source source, String name) throws IOException {
        long headerLength = headerLength(source, name);
        SafetensorsHeader header = readHeader(source, name, headerLength);
        long dataStart = 8 + headerLength;
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (HeaderEntry e : header.entries()) {
            out.put(e.name(), readTensor(source, dataStart, e));
        }
        return out;
    }

    /** Where the bytes are read from: a file or an array, by position. */
    private interface Source {
        long size() throws IOException;

        /** Reads into {@code buffer} from {@code position}; the count read, or -1 at the end. */
        int read(ByteBuffer buffer, long position) throws IOException;

        static Source of(FileChannel channel) {
            return new Source() {
                @Override
                public long size() throws IOException {
                    return channel.size();
                }

                @Override
                public int read(ByteBuffer buffer, long position) throws IOException {
                    return channel.read(buffer, position);
                }
            };
        }

        static Source of(byte[] bytes) {
            return new Source() {
                @Override
                public long size() {
                    return bytes.length;
                }

                @Override
                public int read(ByteBuffer buffer, long position) {
                    if (position >= bytes.length) {
                        return -1;
                    }
                    int n = (int) Math.min(buffer.remaining(), bytes.length - position);
                    buffer.put(bytes, (int) position, n);
                    return n;
                }
            };
        }
    }

    /** The {@code __metadata__} of a safetensors file (empty when absent); validates the whole header, reads no tensor data. */
    public static Map<String, String> readMetadata(Path path) {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            Source source = Source.of(channel);
            return readHeader(source, path.toString(), headerLength(source, path.toString())).metadata();
        } catch (NoSuchFileException e) {
            throw new CheckpointException("Safetensors.readMetadata(" + path + "): no such file", e);
        } catch (IOException e) {
            throw new CheckpointException("Safetensors.readMetadata(" + path + "): " + e, e);
        }
    }

    /**
     * Loads a file into {@code module} through {@link Module#loadStateDict}: strict, so a file that
     * misses, adds or mis-shapes an entry changes nothing and the exception lists every such name.
     */
    public static void loadInto(Module module, Path path) {
        module.loadStateDict(load(path));
    }

    private static long headerLength(Source channel, String path) throws IOException {
        long size = channel.size();
        if (size < 8) {
            throw new CheckpointException(path + ": " + size + " bytes is too short for a safetensors file (8-byte header length"
                    + " missing)");
        }
        ByteBuffer length = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        readFully(channel, length, 0);
        long n = length.flip().getLong();
        // Negative means an unsigned value of 2^63 or more: over the cap as well.
        if (n < 0 || n > MAX_HEADER_BYTES) {
            throw new CheckpointException(path + ": header length " + Long.toUnsignedString(n) + " exceeds the limit of "
                    + MAX_HEADER_BYTES + " bytes (corrupt or not a safetensors file)");
        }
        if (n > size - 8) {
            throw new CheckpointException(path + ": header length " + n + " runs past the end of the file (" + size + " bytes)");
        }
        if (n < 2) {
            throw new CheckpointException(path + ": header length " + n + " is too short for a JSON object");
        }
        return n;
    }

    private static SafetensorsHeader readHeader(Source channel, String path, long n) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate((int) n);
        readFully(channel, bytes, 8);
        return SafetensorsHeader.parse(bytes.array(), channel.size() - 8 - n, path);
    }

    private static Tensor readTensor(Source channel, long dataStart, HeaderEntry e) throws IOException {
        int numel = (int) e.numel();
        int[] shape = e.shape();
        long position = dataStart + e.begin();
        ByteBuffer chunk = ByteBuffer.allocate((int) Math.min(CHUNK_BYTES, Math.max(e.byteCount(), 1)))
                .order(ByteOrder.LITTLE_ENDIAN);
        int size = e.dtype().byteSize();
        switch (e.dtype()) {
            case FLOAT32 -> {
                float[] v = new float[numel];
                for (int i = 0; i < numel;) {
                    position = refill(channel, chunk, position, (long) (numel - i) * size);
                    int k = chunk.remaining() / size;
                    chunk.asFloatBuffer().get(v, i, k);
                    i += k;
                }
                return Tensors.of(v, shape);
            }
            case FLOAT64 -> {
                double[] v = new double[numel];
                for (int i = 0; i < numel;) {
                    position = refill(channel, chunk, position, (long) (numel - i) * size);
                    int k = chunk.remaining() / size;
                    chunk.asDoubleBuffer().get(v, i, k);
                    i += k;
                }
                return Tensors.of(v, DType.FLOAT64, shape);
            }
            default -> {
                long[] v = new long[numel];
                for (int i = 0; i < numel;) {
                    position = refill(channel, chunk, position, (long) (numel - i) * size);
                    int k = chunk.remaining() / size;
                    for (int j = 0; j < k; j++) {
                        v[i + j] = switch (e.dtype()) {
                            case INT64 -> chunk.getLong();
                            case INT32 -> chunk.getInt();
                            case BOOL -> chunk.get() != 0 ? 1 : 0;
                            default -> throw new IllegalStateException("unhandled dtype " + e.dtype());
                        };
                    }
                    i += k;
                }
                return e.dtype() == DType.INT64 ? Tensors.of(v, shape) : Tensors.backend().fromLongs(v, shape, e.dtype());
            }
        }
    }

    /** Reads the next {@code min(remaining, chunk capacity)} bytes at {@code position} into {@code chunk}, ready to get. */
    private static long refill(Source channel, ByteBuffer chunk, long position, long remaining) throws IOException {
        chunk.clear();
        chunk.limit((int) Math.min(chunk.capacity(), remaining));
        readFully(channel, chunk, position);
        long next = position + chunk.limit();
        chunk.flip();
        return next;
    }

    private static void readFully(Source channel, ByteBuffer buffer, long position) throws IOException {
        long p = position;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, p);
            if (read < 0) {
                throw new EOFException("end of file at byte " + p);
            }
            p += read;
        }
    }
}
