package org.equivariant4j.cli.run;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

import org.equivariant4j.core.experiment.StepProgress;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A live progress bar for terminals (me.tongfei:progressbar): one bar per epoch showing the step,
 * the epoch's ETA and, as its message, the running loss and the ETA of the whole run. When an
 * epoch ends its bar stays on screen and the epoch's metrics are printed under it.
 */
public final class BarProgress implements ProgressReporter {
    private final PrintStream console;
    private final PrintWriter out;
    private final int epochs;
    private final int firstEpoch;
    private final long startNanos = System.nanoTime();
    private ProgressBar bar;
    private int stepsDone;
    private double runningLoss = Double.NaN;

    /**
     * @param console    where the bar is drawn (the terminal's stderr)
     * @param out        where epoch lines go
     * @param firstEpoch 0-based epoch the run starts at (after a resume), for the run's ETA
     * @param epochs     total epochs of the run
     */
    public BarProgress(PrintStream console, PrintWriter out, int firstEpoch, int epochs) {
        this.console = console;
        this.out = out;
        this.firstEpoch = firstEpoch;
        this.epochs = epochs;
    }

    @Override
    public void onStep(StepProgress step) {
        if (bar == null) {
            bar = new ProgressBarBuilder().setTaskName(String.format(Locale.ROOT, "epoch %d/%d", step.epoch() + 1, epochs))
                    .setInitialMax(step.steps()).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200)
                    .setConsumer(new ConsoleProgressBarConsumer(console)).setUnit(" steps", 1).build();
        }
        stepsDone++;
        // An exponential moving average: a single noisy batch should not make the number jump.
        double loss = step.meanLoss();
        runningLoss = Double.isNaN(runningLoss) ? loss : 0.9 * runningLoss + 0.1 * loss;
        bar.stepTo(step.step());
        bar.setExtraMessage("loss " + EpochLine.number(runningLoss) + runEta(step));
    }

    /** The whole run's remaining time, from the mean step time so far (the bar's own ETA covers one epoch). */
    private String runEta(StepProgress step) {
        long totalSteps = (long) step.steps() * (epochs - firstEpoch);
        double perStep = (System.nanoTime() - startNanos) / 1e9 / stepsDone;
        Duration left = Duration.ofSeconds(Math.round(perStep * (totalSteps - stepsDone)));
        return String.format(Locale.ROOT, " | run ETA %d:%02d:%02d", left.toHours(), left.toMinutesPart(), left.toSecondsPart());
    }

    @Override
    public void onEpoch(EpochRecord record, int total) {
        closeBar();
        out.println(EpochLine.of(record, total));
        out.flush();
    }

    private void closeBar() {
        if (bar != null) {
            bar.close();
            bar = null;
            console.flush();
        }
    }

    @Override
    public void close() {
        closeBar();
    }
}
