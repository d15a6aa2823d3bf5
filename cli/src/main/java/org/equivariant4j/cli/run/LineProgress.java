package org.equivariant4j.cli.run;

import java.io.PrintWriter;
import java.util.Locale;

import org.equivariant4j.core.experiment.StepProgress;

/**
 * Progress for logs and pipes (no terminal to redraw): a line per finished epoch, and between
 * epochs a heartbeat line at most every {@code heartbeatMillis}, so a long epoch still shows life
 * without flooding a CI log.
 */
public final class LineProgress implements ProgressReporter {
    private final PrintWriter out;
    private final long heartbeatMillis;
    private final int epochs;
    private long lastLine = System.currentTimeMillis();

    public LineProgress(PrintWriter out, int epochs, long heartbeatMillis) {
        this.out = out;
        this.epochs = epochs;
        this.heartbeatMillis = heartbeatMillis;
    }

    @Override
    public void onStep(StepProgress step) {
        long now = System.currentTimeMillis();
        if (heartbeatMillis > 0 && now - lastLine >= heartbeatMillis) {
            lastLine = now;
            out.println(String.format(Locale.ROOT, "  epoch %d/%d step %d/%d loss %s", step.epoch() + 1, epochs, step.step(),
                    step.steps(), EpochLine.number(step.meanLoss())));
            out.flush();
        }
    }

    @Override
    public void onEpoch(EpochRecord record, int total) {
        lastLine = System.currentTimeMillis();
        out.println(EpochLine.of(record, total));
        out.flush();
    }

    @Override
    public void close() {
        out.flush();
    }
}
