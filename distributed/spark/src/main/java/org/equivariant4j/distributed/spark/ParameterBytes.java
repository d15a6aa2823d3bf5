package org.equivariant4j.distributed.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.nn.checkpoint.Safetensors;

/**
 * Tensors as safetensors bytes, the project's checkpoint format, for the wire: what the driver broadcasts (its
 * parameters and buffers) and what the workers read back. Never Java serialisation of engine objects.
 *
 * <p>{@link Safetensors} reads and writes files (atomically, validating every header, forcing the data to disk
 * before the rename), so the bytes pass through a private temporary folder: in {@code /dev/shm} where there is one
 * (memory, where forcing to disk costs nothing), else in {@code java.io.tmpdir}. The cost per step is in the module
 * README.
 */
final class ParameterBytes {
    /** Linux's memory-backed file system: an fsync there is free. */
    private static final Path MEMORY = Path.of("/dev/shm");
    private ParameterBytes() {
    }

    /** {@code tensors} as the bytes of a safetensors file. */
    static byte[] encode(Map<String, Tensor> tensors) {
        return withTemporaryFile(file -> {
            Safetensors.save(tensors, file, Map.of());
            return Files.readAllBytes(file);
        });
    }

    /** The tensors of safetensors {@code bytes}, validated as a file read from disk is. */
    static Map<String, Tensor> decode(byte[] bytes) {
        return withTemporaryFile(file -> {
            Files.write(file, bytes);
            return Safetensors.load(file);
        });
    }

    private interface FileWork<T> {
        T apply(Path file) throws IOException;
    }

    private static <T> T withTemporaryFile(FileWork<T> work) {
        Path dir = null;
        try {
            dir = Files.isDirectory(MEMORY) && Files.isWritable(MEMORY) ? Files.createTempDirectory(MEMORY, "eq4j-spark-")
                    : Files.createTempDirectory("eq4j-spark-");
            Path file = dir.resolve("tensors.safetensors");
            try {
                return work.apply(file);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("ParameterBytes: cannot stage tensors in a temporary file: " + e.getMessage(), e);
        } finally {
            if (dir != null) {
                try {
                    Files.deleteIfExists(dir);
                } catch (IOException ignored) {
                    // A left-over empty folder in the temporary directory is harmless.
                }
            }
        }
    }
}
