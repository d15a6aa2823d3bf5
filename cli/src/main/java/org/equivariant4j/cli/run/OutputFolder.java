package org.equivariant4j.cli.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import org.equivariant4j.core.error.Equivariant4jException;

/**
 * The folder a run writes to, with the names of what it writes. Created and probed for writing
 * before any data is generated, so a bad {@code --out} fails in a second, not after an hour of
 * training.
 */
public final class OutputFolder {
    public static final String CONFIG = "config.json";
    public static final String METRICS_CSV = "metrics.csv";
    public static final String METRICS_JSON = "metrics.json";
    public static final String PLOT = "learning-curves.png";
    public static final String CHECKPOINT = "checkpoint.safetensors";
    public static final String RESULTS = "results.md";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path dir;

    private OutputFolder(Path dir) {
        this.dir = dir;
    }

    /** The default folder of a run: {@code runs/<experiment>-<yyyyMMdd-HHmmss>} under the working directory. */
    public static Path defaultFor(String experimentId, LocalDateTime now) {
        return Path.of("runs", experimentId + "-" + STAMP.format(now));
    }

    /**
     * Creates {@code dir} (and its parents) if needed and proves it writable by writing and deleting a
     * probe file.
     *
     * @throws Equivariant4jException naming the folder and the reason when it cannot be used
     */
    public static OutputFolder prepare(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(absolute);
            Path probe = Files.createTempFile(absolute, ".eq4j-write-probe", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new Equivariant4jException("output folder " + absolute + " is not writable (" + describe(e)
                    + "); choose another with --out DIR");
        }
        return new OutputFolder(absolute);
    }

    private static String describe(Exception e) {
        String kind = e.getClass().getSimpleName();
        return e.getMessage() == null ? kind : kind + ": " + e.getMessage();
    }

    public Path dir() {
        return dir;
    }

    public Path resolve(String file) {
        return dir.resolve(file);
    }
}
