package org.equivariant4j.fields.enf.pde;

import java.util.Locale;

import org.equivariant4j.core.error.InvalidArgumentException;

/**
 * The forecast error of the ENF protocol: mean squared error against the true trajectories, split at the training
 * horizon (10 of 20 frames by default) into frames 1 .. horizon-1 ("in": the times the models were trained on) and
 * horizon .. T-1 ("beyond": extrapolation in time). Frame 0, the initial condition every forecast starts from, is
 * not scored. Averaged over trajectories, frames and the points asked for (all, or the seen or unseen ones of
 * {@link ObservedPoints}), so every model of an experiment is scored by the same definition.
 */
public record ForecastMse(double inHorizon, double beyondHorizon) {

    /** The error of {@code forecast} ({@code [N, T, P]} like {@code truth.values()}) at {@code points} (null: all). */
    public static ForecastMse of(Trajectories truth, float[] forecast, int horizon, int[] points) {
        if (forecast.length != truth.values().length) {
            throw new InvalidArgumentException("ForecastMse: the forecast has " + forecast.length + " values, the truth "
                    + truth.count() + " x " + truth.frames() + " x " + truth.points());
        }
        if (horizon < 2 || horizon > truth.frames()) {
            throw new InvalidArgumentException("ForecastMse: the horizon must be in [2, " + truth.frames() + "], was "
                    + horizon);
        }
        int[] at = points == null ? allPoints(truth.points()) : points;
        double in = 0;
        double beyond = 0;
        for (int n = 0; n < truth.count(); n++) {
            for (int t = 1; t < truth.frames(); t++) {
                int base = (n * truth.frames() + t) * truth.points();
                double sum = 0;
                for (int p : at) {
                    double d = forecast[base + p] - truth.values()[base + p];
                    sum += d * d;
                }
                if (t < horizon) {
                    in += sum;
                } else {
                    beyond += sum;
                }
            }
        }
        double perFrame = (double) truth.count() * at.length;
        int beyondFrames = truth.frames() - horizon;
        return new ForecastMse(in / (perFrame * (horizon - 1)), beyondFrames == 0 ? Double.NaN : beyond / (perFrame
                * beyondFrames));
    }

    /** The persistence forecast: the initial frame repeated, scored like any forecast. */
    public static ForecastMse persistence(Trajectories truth, int horizon, int[] points) {
        return of(truth, persistenceForecast(truth), horizon, points);
    }

    /** Every frame of every trajectory replaced by its frame 0. */
    public static float[] persistenceForecast(Trajectories truth) {
        float[] out = new float[truth.values().length];
        int stride = truth.frames() * truth.points();
        for (int n = 0; n < truth.count(); n++) {
            for (int t = 0; t < truth.frames(); t++) {
                System.arraycopy(truth.values(), n * stride, out, n * stride + t * truth.points(), truth.points());
            }
        }
        return out;
    }

    private static int[] allPoints(int count) {
        int[] all = new int[count];
        for (int p = 0; p < count; p++) {
            all[p] = p;
        }
        return all;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "MSE in horizon %.4g, beyond %.4g", inHorizon, beyondHorizon);
    }
}
