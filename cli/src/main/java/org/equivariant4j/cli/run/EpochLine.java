package org.equivariant4j.cli.run;

import java.util.Locale;
import java.util.StringJoiner;

/** The one-line summary of a finished epoch: {@code "epoch 3/10  12.4 s  train_loss=0.2131  test_acc=0.9510"}. */
final class EpochLine {

    private EpochLine() {
    }

    static String of(EpochRecord r, int epochs) {
        StringJoiner line = new StringJoiner("  ");
        line.add(String.format(Locale.ROOT, "epoch %d/%d", r.epoch(), epochs));
        line.add(String.format(Locale.ROOT, "%.1f s", r.seconds()));
        r.metrics().forEach((k, v) -> line.add(k + "=" + number(v)));
        return line.toString();
    }

    /** Four significant digits: enough to see a trend, short enough for a line. */
    static String number(double v) {
        if (v == 0 || Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        double a = Math.abs(v);
        return a >= 1e-3 && a < 1e5 ? String.format(Locale.ROOT, "%.4g", v) : String.format(Locale.ROOT, "%.3e", v);
    }
}
