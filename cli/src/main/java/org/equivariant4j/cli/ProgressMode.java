package org.equivariant4j.cli;

import java.io.PrintWriter;

import org.equivariant4j.cli.run.BarProgress;
import org.equivariant4j.cli.run.LineProgress;
import org.equivariant4j.cli.run.ProgressReporter;

/** How {@code eq4j run} shows progress: {@code --progress auto|bar|lines|none}. */
enum ProgressMode {
    /** A bar on a terminal, lines otherwise. */
    AUTO,
    /** A live bar on stderr: epoch, step, running loss, epoch and run ETA. */
    BAR,
    /** A line per epoch and a heartbeat every 10 s, for logs. */
    LINES,
    /** Nothing until the result table. */
    NONE;

    private static final long HEARTBEAT_MILLIS = 10_000;

    ProgressReporter create(PrintWriter out, int firstEpoch, int epochs) {
        ProgressMode mode = this == AUTO ? (System.console() != null ? BAR : LINES) : this;
        return switch (mode) {
            case BAR -> new BarProgress(System.err, out, firstEpoch, epochs);
            case LINES -> new LineProgress(out, epochs, HEARTBEAT_MILLIS);
            default -> new LineProgress(new PrintWriter(PrintWriter.nullWriter()), epochs, 0);
        };
    }
}
