package org.equivariant4j.cli.run;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;

import org.equivariant4j.core.error.Equivariant4jException;
import org.equivariant4j.nn.io.AtomicFiles;

/**
 * The folder a run writes to, with the names of what it writes. Claimed before any data is
 * generated, so a bad {@code --out} fails in a second, not after an hour of training, and two runs
 * never share a folder: a default folder is created with {@link Files#createDirectory} (atomic; a
 * suffix {@code -2}, {@code -3}, ... when the name is taken), an explicit one must be new or empty
 * (then claimed by creating its {@code config.json} exclusively), and a folder holding files is
 * refused unless the user asked to overwrite it or it is the folder of the run being resumed.
 */
public final class OutputFolder {
    public static final String CONFIG = "config.json";
    public static final String METRICS_CSV = "metrics.csv";
    public static final String METRICS_JSON = "metrics.json";
    public static final String PLOT = "learning-curves.png";
    public static final String CHECKPOINT = "checkpoint.safetensors";
    public static final String RESULTS = "results.md";

    /** Every file a run writes: what overwriting replaces, and whose stale temporaries are removed. */
    static final List<String> OUTPUTS = List.of(CONFIG, METRICS_CSV, METRICS_JSON, PLOT, CHECKPOINT, RESULTS);

    /** How many suffixed names a default folder tries before giving up (runs started in one second). */
    private static final int MAX_SUFFIX = 1000;

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path dir;
    private final int staleTemporariesRemoved;

    private OutputFolder(Path dir, int staleTemporariesRemoved) {
        this.dir = dir;
        this.staleTemporariesRemoved = staleTemporariesRemoved;
    }

    /**
     * A new folder {@code <root>/<experiment>-<yyyyMMdd-HHmmss>} (the command's root is {@code runs}
     * under the working directory), with a suffix {@code -2}, {@code -3}, ... when that name is taken
     * (another run started in the same second).
     *
     * @throws Equivariant4jException when {@code root} cannot be written
     */
    public static OutputFolder createDefault(Path root, String experimentId, LocalDateTime now) {
        Path base = root.resolve(experimentId + "-" + STAMP.format(now)).toAbsolutePath().normalize();
        try {
            Files.createDirectories(base.getParent());
            for (int n = 1; n <= MAX_SUFFIX; n++) {
                Path candidate = n == 1 ? base : base.resolveSibling(base.getFileName() + "-" + n);
                try {
                    Files.createDirectory(candidate);
                    Files.createFile(candidate.resolve(CONFIG));
                    return new OutputFolder(candidate, 0);
                } catch (FileAlreadyExistsException taken) {
                    // Another run's folder (or anything else of that name): try the next suffix.
                }
            }
        } catch (IOException | SecurityException e) {
            throw notWritable(base.getParent(), e);
        }
        throw new Equivariant4jException("output folder: " + base + " and " + MAX_SUFFIX + " suffixed names after it are"
                + " all taken; choose a folder with --out DIR");
    }

    /**
     * Claims {@code dir}, which the user named. A missing folder is created (with its parents); an
     * existing one must be empty, unless {@code overwrite} is set or it is the folder of
     * {@code resumedCheckpoint} (the run continues there). Then the run's earlier outputs are
     * deleted, except the checkpoint being resumed (replaced by the next epoch's, atomically), and the
     * temporaries killed writes left are removed.
     *
     * @param resumedCheckpoint the checkpoint the run resumes from, or null
     * @throws Equivariant4jException naming the folder, what is in it and the way out
     */
    public static OutputFolder claim(Path dir, boolean overwrite, Path resumedCheckpoint) {
        Path absolute = dir.toAbsolutePath().normalize();
        boolean continuing = resumedCheckpoint != null
                && absolute.equals(resumedCheckpoint.toAbsolutePath().normalize().getParent());
        try {
            if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
                throw new Equivariant4jException("output folder " + absolute + " is a file, not a folder; choose another with"
                        + " --out DIR");
            }
            Files.createDirectories(absolute);
            List<String> present = entries(absolute);
            if (present.isEmpty()) {
                try {
                    Files.createFile(absolute.resolve(CONFIG));
                } catch (FileAlreadyExistsException raced) {
                    throw new Equivariant4jException("output folder " + absolute + " was just claimed by another run; choose"
                            + " another with --out DIR");
                }
                return new OutputFolder(absolute, 0);
            }
            if (!overwrite && !continuing) {
                throw new Equivariant4jException("output folder " + absolute + " is not empty (" + describe(present)
                        + "); a run there would replace its files. Choose another with --out DIR, leave --out out for a new"
                        + " folder, or pass --overwrite to replace the run's files");
            }
            for (String name : OUTPUTS) {
                if (!(continuing && name.equals(CHECKPOINT))) {
                    Files.deleteIfExists(absolute.resolve(name));
                }
            }
            probe(absolute);
        } catch (IOException | SecurityException e) {
            throw notWritable(absolute, e);
        }
        int removed = 0;
        for (String name : OUTPUTS) {
            removed += AtomicFiles.removeStaleTemporaries(absolute.resolve(name));
        }
        return new OutputFolder(absolute, removed);
    }

    private static List<String> entries(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static String describe(List<String> names) {
        int shown = Math.min(5, names.size());
        String list = String.join(", ", names.subList(0, shown));
        return names.size() > shown ? list + " and " + (names.size() - shown) + " more" : list;
    }

    private static void probe(Path dir) throws IOException {
        Path probe = Files.createTempFile(dir, ".eq4j-write-probe", ".tmp");
        Files.delete(probe);
    }

    private static Equivariant4jException notWritable(Path dir, Exception e) {
        String kind = e.getClass().getSimpleName();
        String reason = e.getMessage() == null ? kind : kind + ": " + e.getMessage();
        return new Equivariant4jException("output folder " + dir + " is not writable (" + reason + "); choose another with"
                + " --out DIR");
    }

    public Path dir() {
        return dir;
    }

    public Path resolve(String file) {
        return dir.resolve(file);
    }

    /** How many temporaries of killed writes {@link #claim} removed (0 for a new folder). */
    public int staleTemporariesRemoved() {
        return staleTemporariesRemoved;
    }
}
