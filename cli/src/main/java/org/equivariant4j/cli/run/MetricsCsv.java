package org.equivariant4j.cli.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.equivariant4j.core.error.Equivariant4jException;
import org.equivariant4j.nn.io.AtomicFiles;

/**
 * {@code metrics.csv}, a run's metrics history: a header ({@code epoch,seconds,<metrics>}) and one
 * row per completed epoch, appended (and forced to disk) as the epoch ends, before its checkpoint
 * is saved. Appending costs the same at epoch 1 and at epoch 100,000, where rewriting the history
 * each epoch would not. A kill mid-append leaves a last line without its newline, which
 * {@link #read} ignores; rows after the checkpoint's epoch (written before a checkpoint that never
 * was) are dropped there too.
 */
public final class MetricsCsv {
    private final Path file;
    /** The metric columns of the header written, or null before the first row. */
    private List<String> columns;

    private MetricsCsv(Path file) {
        this.file = file;
    }

    /**
     * Starts {@code file} with the rows of {@code carried} (a resumed run's history; empty for a
     * fresh run, when the file is created with the first row).
     */
    public static MetricsCsv start(Path file, MetricsHistory carried) {
        MetricsCsv csv = new MetricsCsv(file);
        if (!carried.isEmpty()) {
            csv.rewrite(carried);
        }
        return csv;
    }

    /**
     * Appends the row of {@code record}, the last epoch of {@code history}. When it brings a metric
     * the header lacks (the first row, or a run whose metrics change), the whole file is rewritten
     * from {@code history} instead, atomically.
     */
    public void append(EpochRecord record, MetricsHistory history) {
        if (columns == null || !columns.containsAll(record.metrics().keySet())) {
            rewrite(history);
            return;
        }
        byte[] line = row(record, columns).getBytes(StandardCharsets.UTF_8);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            // On disk before the checkpoint of this epoch is: the checkpoint never runs ahead of the metrics.
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file + ": " + e.getMessage(), e);
        }
    }

    private void rewrite(MetricsHistory history) {
        List<String> names = history.metricNames();
        StringBuilder out = new StringBuilder(header(names));
        history.epochs().forEach(e -> out.append(row(e, names)));
        AtomicFiles.write(file, out.toString());
        columns = names;
    }

    static String header(List<String> names) {
        StringBuilder out = new StringBuilder("epoch,seconds");
        names.forEach(n -> out.append(',').append(quote(n)));
        return out.append('\n').toString();
    }

    static String row(EpochRecord e, List<String> names) {
        StringBuilder out = new StringBuilder().append(e.epoch()).append(',')
                .append(String.format(Locale.ROOT, "%.3f", e.seconds()));
        for (String n : names) {
            Double v = e.metrics().get(n);
            out.append(',').append(v == null ? "" : Double.toString(v));
        }
        return out.append('\n').toString();
    }

    private static String quote(String text) {
        return text.contains(",") || text.contains("\"") ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    /**
     * The history a checkpoint of {@code epochsCompleted} epochs continues: the rows of {@code file}
     * up to that epoch. Null when there is no such file (a checkpoint copied on its own).
     *
     * @throws Equivariant4jException naming the file and line when the rows are not consecutive
     *         epochs, a cell is not a number, or the rows end before the checkpoint's epoch
     */
    public static MetricsHistory read(Path file, int epochsCompleted) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        // The last element is "" after a final newline, or a row a kill cut short: neither is a row.
        lines.remove(lines.size() - 1);
        if (lines.isEmpty()) {
            throw inconsistent(file, 1, "it has no header", epochsCompleted);
        }
        List<String> header = cells(lines.get(0));
        if (header.size() < 2 || !header.get(0).equals("epoch") || !header.get(1).equals("seconds")) {
            throw inconsistent(file, 1, "the header does not start with 'epoch,seconds'", epochsCompleted);
        }
        MetricsHistory history = new MetricsHistory();
        int previous = 0;
        for (int i = 1; i < lines.size(); i++) {
            int lineNumber = i + 1;
            List<String> cells = cells(lines.get(i));
            if (cells.size() != header.size()) {
                throw inconsistent(file, lineNumber, "it has " + cells.size() + " cells, the header " + header.size(),
                        epochsCompleted);
            }
            double epochValue = number(cells.get(0), file, lineNumber, "epoch", epochsCompleted);
            int epoch = (int) epochValue;
            if (epoch < 1 || epoch != epochValue || (previous > 0 && epoch != previous + 1)) {
                throw inconsistent(file, lineNumber, "epoch " + cells.get(0) + " does not follow epoch " + previous
                        + " (rows must be consecutive epochs, each once)", epochsCompleted);
            }
            previous = epoch;
            if (epoch > epochsCompleted) {
                // Written before a checkpoint that a kill prevented: that epoch is trained again.
                break;
            }
            Map<String, Double> metrics = new LinkedHashMap<>();
            for (int c = 2; c < cells.size(); c++) {
                if (!cells.get(c).isEmpty()) {
                    metrics.put(header.get(c), number(cells.get(c), file, lineNumber, header.get(c), epochsCompleted));
                }
            }
            history.add(new EpochRecord(epoch, number(cells.get(1), file, lineNumber, "seconds", epochsCompleted), metrics));
        }
        int last = history.isEmpty() ? 0 : history.epochs().get(history.epochs().size() - 1).epoch();
        if (last != epochsCompleted) {
            throw inconsistent(file, lines.size(), history.isEmpty() ? "it has no row up to epoch " + epochsCompleted
                    : "its rows end at epoch " + last, epochsCompleted);
        }
        return history;
    }

    private static double number(String cell, Path file, int line, String column, int epochsCompleted) {
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            throw inconsistent(file, line, "'" + column + "' is '" + cell + "', not a number", epochsCompleted);
        }
    }

    private static Equivariant4jException inconsistent(Path file, int line, String what, int epochsCompleted) {
        return new Equivariant4jException(file + " line " + line + ": " + what + "; it does not hold the history of the"
                + " checkpoint beside it (" + epochsCompleted + " epochs completed). Restore the run's own "
                + OutputFolder.METRICS_CSV + ", or move it away to resume without the earlier metrics");
    }

    /** The cells of a CSV line as {@link #header} writes them: commas separate, double quotes quote. */
    private static List<String> cells(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        out.add(cell.toString());
        return out;
    }
}
