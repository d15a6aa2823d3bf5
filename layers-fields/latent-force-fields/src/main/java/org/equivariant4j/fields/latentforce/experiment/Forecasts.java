package org.equivariant4j.fields.latentforce.experiment;

import java.util.List;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.tensor.GradMode;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.fields.latentforce.model.LatentForceModel;
import org.equivariant4j.fields.latentforce.model.State;
import org.equivariant4j.fields.latentforce.model.TransitionBatch;
import org.equivariant4j.fields.latentforce.model.Transitions;
import org.equivariant4j.graph.Graph;

/**
 * The forecast errors the experiments report, in batches and without gradients: the one-step position MSE over
 * every transition of a split, and the position MSE of rollouts from one frame, averaged over the forecast
 * frames, particles and coordinates.
 */
final class Forecasts {
    private Forecasts() {
    }

    /** Mean squared error of the predicted next positions over all transitions of {@code data}. */
    static double oneStepMse(LatentForceModel model, Transitions data, int batchSize) {
        model.eval();
        double sum = 0;
        try (GradMode.Scope ignored = GradMode.disabled()) {
            for (int start = 0; start < data.size(); start += batchSize) {
                int end = Math.min(data.size(), start + batchSize);
                int[] idx = new int[end - start];
                for (int i = 0; i < idx.length; i++) {
                    idx[i] = start + i;
                }
                TransitionBatch b = data.batch(idx);
                sum += squaredError(model.step(b.graph()).positions(), b.nextPositions());
            }
        }
        model.train();
        return sum / ((double) data.size() * data.particles() * data.dims());
    }

    /**
     * Mean squared position error of {@code horizon}-frame rollouts from frame {@code start} of every trajectory
     * of {@code data}; a null model is the constant-velocity forecast {@code x_{t+k} = x_t + k T v_t}.
     */
    static double rolloutMse(LatentForceModel model, Transitions data, int start, int horizon, double frameInterval,
            int batchSize) {
        if (start < 0 || start + horizon >= data.frames() || horizon < 1) {
            throw new InvalidArgumentException("rollout: frames " + start + " + " + horizon + " outside the trajectories' "
                    + data.frames() + " frames");
        }
        if (model != null) {
            model.eval();
        }
        double sum = 0;
        try (GradMode.Scope ignored = GradMode.disabled()) {
            for (int from = 0; from < data.trajectories(); from += batchSize) {
                int to = Math.min(data.trajectories(), from + batchSize);
                int[] trajectories = new int[to - from];
                int[] frames = new int[trajectories.length];
                for (int i = 0; i < trajectories.length; i++) {
                    trajectories[i] = from + i;
                    frames[i] = start;
                }
                Graph g = data.state(trajectories, frames);
                List<State> predicted = model == null ? null : model.rollout(g, horizon);
                for (int k = 1; k <= horizon; k++) {
                    int[] target = new int[trajectories.length];
                    java.util.Arrays.fill(target, start + k);
                    Tensor p = model == null ? g.positions().add(g.velocities().mul(k * frameInterval))
                            : predicted.get(k - 1).positions();
                    sum += squaredError(p, data.positionsAt(trajectories, target));
                }
            }
        }
        if (model != null) {
            model.train();
        }
        return sum / ((double) data.trajectories() * horizon * data.particles() * data.dims());
    }

    private static double squaredError(Tensor prediction, Tensor target) {
        Tensor d = prediction.sub(target);
        return d.mul(d).sum().item();
    }
}
