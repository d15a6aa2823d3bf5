package org.equivariant4j.nn.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * Writes a file so that readers see either the old content or the complete new one: the bytes go
 * to a temporary file in the target's directory (same file system, so the rename can be atomic),
 * are forced to disk, and the temporary file is renamed over the target with
 * {@link StandardCopyOption#ATOMIC_MOVE}. A crash or an exception mid-way leaves at most a
 * temporary file behind, never a half-written target; on an exception the temporary file is deleted.
 * Checkpoints, metrics and configs all go through here.
 *
 * <p>The temporary file is named {@code .<target name>.<digits>.tmp}; one a killed process left
 * behind is removed by {@link #removeStaleTemporaries}. It is created with the default permissions
 * (so the result has what the user's umask gives any new file), not with the owner-only mode of
 * {@link Files#createTempFile}.
 */
public final class AtomicFiles {

    /** Writes the content of a file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(FileChannel channel) throws IOException;
    }

    private static final SecureRandom RANDOM = new SecureRandom();

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
        Path temporary = createTemporary(directory, absolute.getFileName().toString());
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                content.writeTo(channel);
                // Durable before visible: the rename must not publish data still in the page cache only.
                channel.force(true);
            }
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

    /** A new, empty temporary file beside the target, with the default permissions (what the umask allows). */
    private static Path createTemporary(Path directory, String targetName) throws IOException {
        for (int attempt = 0;; attempt++) {
            Path candidate = directory.resolve("." + targetName + "." + Long.toUnsignedString(RANDOM.nextLong()) + ".tmp");
            try {
                return Files.createFile(candidate);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 100) {
                    throw e;
                }
            }
        }
    }

    /**
     * Deletes the temporary files that writes of {@code target} left behind when their process was
     * killed: regular files named {@code .<target name>.<digits>.tmp} in its directory, nothing else.
     * Call it only where no other process writes {@code target} at the same time (a run's own folder).
     *
     * @return how many were deleted
     */
    public static int removeStaleTemporaries(Path target) {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        Pattern ours = Pattern.compile("\\." + Pattern.quote(absolute.getFileName().toString()) + "\\.[0-9]+\\.tmp");
        int removed = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory,
                p -> ours.matcher(p.getFileName().toString()).matches())) {
            for (Path stale : entries) {
                if (Files.isRegularFile(stale, LinkOption.NOFOLLOW_LINKS) && Files.deleteIfExists(stale)) {
                    removed++;
                }
            }
        } catch (java.nio.file.NoSuchFileException e) {
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove stale temporary files of " + absolute + ": " + e.getMessage(), e);
        }
        return removed;
    }
}
