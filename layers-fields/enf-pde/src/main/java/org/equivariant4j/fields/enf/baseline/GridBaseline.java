package org.equivariant4j.fields.enf.baseline;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.UnsupportedFeatureException;
import org.equivariant4j.core.tensor.GradMode;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.fields.enf.pde.ForecastMse;
import org.equivariant4j.fields.enf.pde.PdeDataset;
import org.equivariant4j.fields.enf.pde.PdeGrid;
import org.equivariant4j.fields.enf.pde.PdeProblem;
import org.equivariant4j.fields.enf.pde.Trajectories;
import org.equivariant4j.nn.loss.MseLoss;
import org.equivariant4j.nn.optim.Adam;

/**
 * Trains the grid baseline ({@link GridStepper}) on a {@link PdeDataset}'s training trajectories and scores its
 * rollouts on the test and transformed test splits, beside the persistence forecast (the initial frame repeated).
 * Defined for the problems on a square grid: heat on the plane (zero padding) and Navier-Stokes on the torus
 * (circular padding).
 */
public final class GridBaseline {
    private GridBaseline() {
    }

    /** Trains a stepper on the frame pairs of the first {@code settings.horizon()} frames of {@code data.train()}. */
    public static GridStepper train(PdeDataset data, GridBaselineSettings settings) {
        PdeProblem problem = data.config().problem();
        if (problem == PdeProblem.HEAT_SPHERE) {
            throw new UnsupportedFeatureException("GridBaseline: defined for the square grids of heat-plane and"
                    + " navier-stokes, not for " + problem.id() + " (a latitude/longitude grid is not a CNN's square grid)");
        }
        Trajectories train = data.train();
        int horizon = settings.horizon();
        if (horizon > train.frames() || train.count() == 0) {
            throw new InvalidArgumentException("GridBaseline: need training trajectories of at least " + horizon
                    + " frames, got " + train.count() + " of " + train.frames());
        }
        PdeGrid grid = data.grid();
        int points = grid.points();
        double scale = scale(train, horizon);
        GridStepper model = new GridStepper(grid.rows(), grid.cols(), grid.periodic(), settings.hidden(), settings.layers(),
                scale, new Rng(settings.seed()));
        Adam adam = new Adam(model.parameters(), settings.learningRate());
        MseLoss loss = new MseLoss();
        int pairs = train.count() * (horizon - 1);
        int batch = Math.min(settings.batchSize(), pairs);
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            int[] order = new Rng(settings.seed() * 1_000_003L + epoch).permutation(pairs);
            for (int s = 0; s + batch <= pairs; s += batch) {
                float[] inputs = new float[batch * points];
                float[] targets = new float[batch * points];
                for (int b = 0; b < batch; b++) {
                    int pair = order[s + b];
                    int n = pair / (horizon - 1);
                    int t = pair % (horizon - 1);
                    int from = (n * train.frames() + t) * points;
                    System.arraycopy(train.values(), from, inputs, b * points, points);
                    System.arraycopy(train.values(), from + points, targets, b * points, points);
                }
                adam.zeroGrad();
                Tensor prediction = model.forward(Tensors.of(inputs, batch, points));
                Tensor l = loss.compute(prediction.div(scale), Tensors.of(targets, batch, points).div(scale));
                l.backward();
                adam.step();
            }
        }
        return model;
    }

    /** The typical size of the training fields: the root mean square of the trained-on frames. */
    private static double scale(Trajectories train, int horizon) {
        double sum = 0;
        long count = 0;
        for (int n = 0; n < train.count(); n++) {
            for (int t = 0; t < horizon; t++) {
                int base = (n * train.frames() + t) * train.points();
                for (int p = 0; p < train.points(); p++) {
                    double v = train.values()[base + p];
                    sum += v * v;
                }
                count += train.points();
            }
        }
        double rms = Math.sqrt(sum / count);
        return rms > 0 ? rms : 1;
    }

    /** The model's forecast of every trajectory from its frame 0 ({@code [N, T, P]}, frame 0 copied). */
    public static float[] rollout(GridStepper model, Trajectories truth) {
        int points = truth.points();
        int frames = truth.frames();
        float[] out = new float[truth.values().length];
        float[] current = new float[truth.count() * points];
        for (int n = 0; n < truth.count(); n++) {
            System.arraycopy(truth.values(), n * frames * points, current, n * points, points);
            System.arraycopy(current, n * points, out, n * frames * points, points);
        }
        try (GradMode.Scope ignored = GradMode.disabled()) {
            for (int t = 1; t < frames; t++) {
                current = model.forward(Tensors.of(current, truth.count(), points)).toFloatArray();
                for (int n = 0; n < truth.count(); n++) {
                    System.arraycopy(current, n * points, out, (n * frames + t) * points, points);
                }
            }
        }
        return out;
    }

    /** The baseline's and persistence's errors on both test splits, over all grid points. */
    public static GridBaselineScores evaluate(GridStepper model, PdeDataset data, int horizon) {
        return evaluate(model, data, horizon, null);
    }

    /** The baseline's and persistence's errors on both test splits at {@code points} (e.g. the unseen ones; null: all). */
    public static GridBaselineScores evaluate(GridStepper model, PdeDataset data, int horizon, int[] points) {
        return new GridBaselineScores(
                ForecastMse.of(data.test(), rollout(model, data.test()), horizon, points),
                ForecastMse.of(data.transformedTest(), rollout(model, data.transformedTest()), horizon, points),
                ForecastMse.persistence(data.test(), horizon, points),
                ForecastMse.persistence(data.transformedTest(), horizon, points));
    }
}
