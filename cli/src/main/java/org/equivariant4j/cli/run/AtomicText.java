package org.equivariant4j.cli.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Replaces a file's content atomically (a temporary file in the same folder, renamed over the
 * target), so a run stopped at any moment leaves every metrics or config file either old or new,
 * never half written. Checkpoints get the same guarantee from {@code Safetensors.save}.
 */
public final class AtomicText {

    private AtomicText() {
    }

    /** Writes {@code bytes} to {@code target}. */
    public static void write(Path target, byte[] bytes) {
        Path absolute = target.toAbsolutePath();
        try {
            Path temporary = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName() + ".", ".tmp");
            try {
                Files.write(temporary, bytes);
                shareable(temporary);
                try {
                    Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + absolute + ": " + e.getMessage(), e);
        }
    }

    /**
     * Makes {@code file} readable by everyone (rw-r--r--), as files written with the usual umask are.
     * Temporary files are created owner-only (0600), and the atomic rename would otherwise keep that
     * on a run's results, which are meant to be shared. No-op where POSIX permissions do not exist.
     */
    public static void shareable(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: its own defaults apply.
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set permissions of " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code text} as UTF-8 to {@code target}. */
    public static void write(Path target, String text) {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }
}
