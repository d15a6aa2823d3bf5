package org.equivariant4j.fields.latentforce.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.equivariant4j.core.error.InvalidOptionException;
import org.equivariant4j.core.experiment.DatasetSummary;
import org.equivariant4j.core.experiment.Experiment;
import org.equivariant4j.core.experiment.ExperimentConfig;
import org.equivariant4j.core.experiment.ExperimentRun;
import org.equivariant4j.core.experiment.OptionSpec;
import org.equivariant4j.core.experiment.StandardOptions;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.fields.latentforce.model.ForceModel;
import org.equivariant4j.fields.latentforce.model.InteractionNetwork;
import org.equivariant4j.fields.latentforce.model.LatentForceModel;
import org.equivariant4j.fields.latentforce.model.Transitions;
import org.equivariant4j.fields.latentforce.system.FieldDataset;
import org.equivariant4j.fields.latentforce.system.FieldSystem;
import org.equivariant4j.groups.EuclideanGroup;

/**
 * Field discovery and forecasting on one simulated {@link FieldSystem}: the models of the {@code models} option
 * ({@link ForceModel}: the method with EGNN or local-frame interactions, either alone, a GNN on absolute positions,
 * the field alone) are trained side by side on the same state-to-state transitions (Adam, MSE on next positions and
 * velocities), then compared by the one-step and rollout position MSE on test trajectories and, for the models with a
 * field, by how close the learned field is to the true one ({@link FieldComparison}), drawn as a PNG.
 */
public final class LatentForceExperiment implements Experiment {
    private final String id;
    private final FieldSystem system;
    private final int batchSize;
    private final int rolloutStart;
    private final int rolloutSteps;
    private final int dataSeed;

    private LatentForceExperiment(String id, FieldSystem system, int batchSize, int rolloutStart, int rolloutSteps, int dataSeed) {
        this.id = id;
        this.system = system;
        this.batchSize = batchSize;
        this.rolloutStart = rolloutStart;
        this.rolloutSteps = rolloutSteps;
        this.dataSeed = dataSeed;
    }

    /** {@code lff-electrostatic}: the Aether code's evaluation from frame 29, 20 frames ahead, batch 64. */
    public static LatentForceExperiment electrostatic() {
        return new LatentForceExperiment("lff-electrostatic", FieldSystem.electrostatic(), 64, 29, 20, 7);
    }

    /** {@code lff-gravitational}: from frame 44, 5 frames ahead, batch 32. */
    public static LatentForceExperiment gravitational() {
        return new LatentForceExperiment("lff-gravitational", FieldSystem.gravitational(), 32, 44, 5, 11);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String description() {
        return "latent force field discovery (Aether) on the " + system.name() + " system (" + system.dims() + "D, "
                + system.particles() + " particles, " + system.sources() + " static source(s)): neural field + EGNN"
                + " against EGNN, GNN and field-only forecasters";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(StandardOptions.epochs(20), StandardOptions.batchSize(batchSize), StandardOptions.seed(1),
                StandardOptions.trainSize(500), StandardOptions.testSize(100),
                OptionSpec.ofString("models", "aether,egnn,gnn,field", "comma-separated models to train: aether (neural"
                        + " field + EGNN), egnn, aether-locs (neural field + local-frame interactions, 2D), locs, gnn, field"),
                OptionSpec.ofInt("hidden", 64, "hidden channels of the interaction networks and the GNN", 1, 4096),
                OptionSpec.ofInt("layers", 4, "message-passing layers", 1, 64),
                OptionSpec.ofInt("field-hidden", 32, "width of the neural field's two hidden layers", 1, 4096),
                OptionSpec.ofInt("field-features", 32, "random Fourier features of the neural field", 1, 4096),
                OptionSpec.ofDouble("field-std", 1.0, "standard deviation of the Fourier frequencies", 1e-6, 1e6),
                OptionSpec.ofDouble("lr", 5e-4, "Adam learning rate", 1e-7, 1.0),
                OptionSpec.ofInt("data-seed", dataSeed, "seed of the sources and trajectories", 0, Integer.MAX_VALUE),
                OptionSpec.ofInt("steps", system.steps(), "simulation steps per trajectory (a frame every "
                        + system.sampleEvery() + ")", system.sampleEvery() * 2, 1_000_000),
                OptionSpec.ofInt("rollout-start", rolloutStart, "frame the test rollouts start from", 0, 100_000),
                OptionSpec.ofInt("rollout-steps", rolloutSteps, "frames the test rollouts forecast", 1, 100_000),
                OptionSpec.ofInt("grid", system.dims() == 2 ? 33 : 13, "grid points per axis of the field comparison", 2,
                        1024),
                OptionSpec.ofString("figure", "runs/" + id + "-field.png", "where the PNG of true and learned field goes"
                        + " (empty: none)"));
    }

    @Override
    public ExperimentRun start(ExperimentConfig c) {
        int seed = c.intValue(StandardOptions.SEED);
        FieldSystem sys = system.withSteps(c.intValue("steps"));
        int start = c.intValue("rollout-start");
        int horizon = c.intValue("rollout-steps");
        if (start + horizon >= sys.frames()) {
            throw new InvalidOptionException("rollout-steps", id + ": a rollout from frame " + start + " over " + horizon
                    + " frames needs " + (start + horizon + 1) + " frames, but " + sys.steps() + " steps give " + sys.frames());
        }
        List<ForceModel> kinds = parseModels(c.stringValue("models"));
        for (ForceModel kind : kinds) {
            if (kind.interactions() == InteractionNetwork.LOCAL_FRAMES && sys.dims() != 2) {
                throw new InvalidOptionException("models", id + ": model '" + kind.id() + "' uses local frames from the"
                        + " velocity, defined in 2D only; the " + sys.name() + " system is " + sys.dims() + "D");
            }
        }
        int trainSize = c.intValue(StandardOptions.TRAIN_SIZE);
        int testSize = c.intValue(StandardOptions.TEST_SIZE);
        FieldDataset data = FieldDataset.generate(sys, c.intValue("data-seed"), trainSize, 0, testSize);
        EuclideanGroup group = EuclideanGroup.full(sys.dims());
        Transitions train = new Transitions(data.train(), group, DType.FLOAT32);
        Transitions test = new Transitions(data.test(), group, DType.FLOAT32);
        LatentForceModel.Sizes sizes = new LatentForceModel.Sizes(c.intValue("hidden"), c.intValue("layers"),
                c.intValue("field-hidden"), c.intValue("field-features"), c.doubleValue("field-std"));
        Map<ForceModel, LatentForceModel> models = new LinkedHashMap<>();
        Rng rng = new Rng(seed);
        for (ForceModel kind : kinds) {
            models.put(kind, new LatentForceModel(kind, group, sys.dims(), sys.frameInterval(), sizes, rng.split()));
        }
        Map<String, Integer> splits = new LinkedHashMap<>();
        splits.put("train", trainSize);
        splits.put("test", testSize);
        DatasetSummary summary = new DatasetSummary(sys.name() + " system", String.format(Locale.ROOT,
                "%dD, %d particles, %d static source(s), dt %.3g, %d steps, a frame every %d (%d frames), data seed %d; %d"
                        + " training transitions",
                sys.dims(), sys.particles(), sys.sources(), sys.dt(), sys.steps(), sys.sampleEvery(), sys.frames(),
                c.intValue("data-seed"), train.size()), splits);
        String figure = c.stringValue("figure");
        return new LatentForceRun(id, data, train, test, models, new LatentForceRun.Protocol(
                c.intValue(StandardOptions.BATCH_SIZE), c.doubleValue("lr"), seed, start, horizon, c.intValue("grid"),
                figure == null || figure.isBlank() ? null : Path.of(figure)), summary);
    }

    private static List<ForceModel> parseModels(String text) {
        List<ForceModel> out = new ArrayList<>();
        for (String part : Objects.requireNonNullElse(text, "").split(",")) {
            String idText = part.trim();
            if (idText.isEmpty()) {
                continue;
            }
            ForceModel m = ForceModel.byId(idText);
            if (m == null) {
                throw new InvalidOptionException("models", "unknown model '" + idText + "': choose from " + ForceModel.ids());
            }
            if (!out.contains(m)) {
                out.add(m);
            }
        }
        if (out.isEmpty()) {
            throw new InvalidOptionException("models", "no model given: choose from " + ForceModel.ids());
        }
        return out;
    }
}
