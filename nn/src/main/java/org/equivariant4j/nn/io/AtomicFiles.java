package org.equivariant4j.nn.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a file so that readers see either the old content or the complete new one: the bytes go
 * to a temporary file in the target's directory (same file system, so the rename can be atomic),
 * are forced to disk, and the temporary file is renamed over the target with
 * {@link StandardCopyOption#ATOMIC_MOVE}. A crash or an exception mid-way leaves at most a
 * temporary file behind, never a half-written target; on an exception the temporary file is deleted.
 * Checkpoints, metrics and configs all go through here.
 */
public final class AtomicFiles {

    /** Writes the content of a file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(FileChannel channel) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Replaces {@code target}'s content by {@code bytes}, atomically. */
    public static void write(Path target, byte[] bytes) {
        try {
            write(target, channel -> {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    /** Replaces {@code target}'s content by {@code text} in UTF-8, atomically. */
    public static void write(Path target, String text) {
        write(target, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Replaces {@code target}'s content by what {@code content} writes, atomically. */
    public static void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, "." + absolute.getFileName() + ".", ".tmp");
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                content.writeTo(channel);
                // Durable before visible: the rename must not publish data still in the page cache only.
                channel.force(true);
            }
            shareable(temporary);
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the file system of " + directory + " cannot rename atomically; refusing a non-atomic"
                        + " write of " + absolute, e);
            }
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temporary);
            }
        }
    }

    /**
     * Temporary files are created owner-only (0600) and the rename would keep that on a result meant
     * to be shared; give it the permissions a file written with the usual umask has.
     */
    private static void shareable(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: its own defaults apply.
        }
    }
}
