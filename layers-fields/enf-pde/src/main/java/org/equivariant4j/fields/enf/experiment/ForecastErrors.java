package org.equivariant4j.fields.enf.experiment;

import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.fields.enf.pde.ObservedPoints;
import org.equivariant4j.fields.enf.pde.Trajectories;

/**
 * Forecast mean squared errors of one model on one split, the four numbers of the paper's tables: inside the training
 * horizon (frames 1 .. horizon - 1: the frames the model was trained to reach, frame 0 being the fitted initial
 * condition) and beyond it (frames horizon .. T - 1), each at the seen points (those observed in training) and at the
 * unseen ones (never observed: spatial generalisation).
 */
public record ForecastErrors(double inHorizonSeen, double inHorizonUnseen, double beyondSeen, double beyondUnseen) {

    /**
     * The errors of {@code forecast[n][t][p]} against {@code truth}, every trajectory, frame and point weighted alike
     * within each of the four groups.
     */
    public static ForecastErrors measure(double[][][] forecast, Trajectories truth, ObservedPoints points, int horizon) {
        if (forecast.length != truth.count() || truth.frames() <= horizon || horizon < 2) {
            throw new ShapeMismatchException("ForecastErrors: " + forecast.length + " forecasts for " + truth.count()
                    + " trajectories of " + truth.frames() + " frames, horizon " + horizon
                    + " (needs 2 <= horizon < frames)");
        }
        double[] sums = new double[4];
        for (int n = 0; n < truth.count(); n++) {
            if (forecast[n].length != truth.frames()) {
                throw new ShapeMismatchException("ForecastErrors: trajectory " + n + " has " + forecast[n].length
                        + " forecast frames, the truth " + truth.frames());
            }
            for (int t = 1; t < truth.frames(); t++) {
                int group = t < horizon ? 0 : 2;
                sums[group] += squaredError(forecast[n][t], truth, n, t, points.seen());
                sums[group + 1] += squaredError(forecast[n][t], truth, n, t, points.unseen());
            }
        }
        double in = (double) truth.count() * (horizon - 1);
        double out = (double) truth.count() * (truth.frames() - horizon);
        int seen = points.seen().length;
        int unseen = points.unseen().length;
        return new ForecastErrors(sums[0] / (in * seen), sums[1] / (in * unseen), sums[2] / (out * seen),
                sums[3] / (out * unseen));
    }

    private static double squaredError(double[] frame, Trajectories truth, int n, int t, int[] at) {
        double s = 0;
        for (int p : at) {
            double d = frame[p] - truth.value(n, t, p);
            s += d * d;
        }
        return s;
    }

    /** The persistence forecast: every frame is the true initial condition (the field left as it was). */
    public static double[][][] persistence(Trajectories truth) {
        double[][][] out = new double[truth.count()][truth.frames()][truth.points()];
        for (int n = 0; n < truth.count(); n++) {
            float[] first = truth.frame(n, 0);
            for (int t = 0; t < truth.frames(); t++) {
                for (int p = 0; p < first.length; p++) {
                    out[n][t][p] = first[p];
                }
            }
        }
        return out;
    }
}
