package org.equivariant4j.cli.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

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

    /** Writes {@code text} as UTF-8 to {@code target}. */
    public static void write(Path target, String text) {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }
}
