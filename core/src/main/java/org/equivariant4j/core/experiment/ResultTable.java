package org.equivariant4j.core.experiment;

import org.equivariant4j.core.error.InvalidArgumentException;

import java.util.ArrayList;
import java.util.List;

/**
 * The final result of an experiment: a titled table of preformatted cells (the experiment chooses
 * the precision that makes its point) and notes that say how the numbers were measured.
 * Renders as aligned text for terminals and as a Markdown table for READMEs.
 */
public record ResultTable(String title, List<String> columns, List<List<String>> rows, List<String> notes) {

    public ResultTable {
        columns = List.copyOf(columns);
        List<List<String>> copy = new ArrayList<>();
        for (List<String> row : rows) {
            if (row.size() != columns.size()) {
                throw new InvalidArgumentException("ResultTable '" + title + "': row " + row + " has " + row.size()
                        + " cells but there are " + columns.size() + " columns " + columns);
            }
            copy.add(List.copyOf(row));
        }
        rows = List.copyOf(copy);
        notes = List.copyOf(notes);
    }

    /** The table as aligned plain text with a rule under the header, then the notes. */
    public String toText() {
        int[] width = new int[columns.size()];
        for (int c = 0; c < width.length; c++) {
            width[c] = columns.get(c).length();
            for (List<String> row : rows) {
                width[c] = Math.max(width[c], row.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder(title).append('\n');
        appendRow(out, columns, width);
        for (int c = 0; c < width.length; c++) {
            out.append(c == 0 ? "" : "  ").append("-".repeat(width[c]));
        }
        out.append('\n');
        rows.forEach(r -> appendRow(out, r, width));
        notes.forEach(n -> out.append("  ").append(n).append('\n'));
        return out.toString();
    }

    private static void appendRow(StringBuilder out, List<String> cells, int[] width) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < width.length; c++) {
            line.append(c == 0 ? "" : "  ").append(String.format("%-" + width[c] + "s", cells.get(c)));
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    /** The table as GitHub Markdown, notes as a list under it. */
    public String toMarkdown() {
        StringBuilder out = new StringBuilder("| ").append(String.join(" | ", columns)).append(" |\n|");
        columns.forEach(c -> out.append(" --- |"));
        out.append('\n');
        rows.forEach(r -> out.append("| ").append(String.join(" | ", r)).append(" |\n"));
        if (!notes.isEmpty()) {
            out.append('\n');
            notes.forEach(n -> out.append("- ").append(n).append('\n'));
        }
        return out.toString();
    }
}
