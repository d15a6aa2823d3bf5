package org.equivariant4j.fields.enf.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntFunction;

import org.equivariant4j.core.error.InvalidOptionException;
import org.equivariant4j.core.experiment.DatasetSummary;
import org.equivariant4j.core.experiment.Experiment;
import org.equivariant4j.core.experiment.ExperimentConfig;
import org.equivariant4j.core.experiment.ExperimentRun;
import org.equivariant4j.core.experiment.OptionSpec;
import org.equivariant4j.core.experiment.StandardOptions;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.fields.enf.bi.BiInvariants;
import org.equivariant4j.fields.enf.dynamics.LatentOde;
import org.equivariant4j.fields.enf.baseline.GridBaselineSettings;
import org.equivariant4j.fields.enf.dynamics.OdeMethod;
import org.equivariant4j.fields.enf.pde.HeatPlaneConfig;
import org.equivariant4j.fields.enf.pde.HeatSphereConfig;
import org.equivariant4j.fields.enf.pde.NavierStokesConfig;
import org.equivariant4j.fields.enf.pde.ObservedPoints;
import org.equivariant4j.fields.enf.pde.PdeConfig;
import org.equivariant4j.fields.enf.pde.PdeDataset;

/**
 * ENF forecasting of one PDE (paper 3): the equivariant forecaster (the problem's bi-invariant) and the same model on
 * absolute positions are trained side by side on trajectories observed at a sparse set of points (see
 * {@link EnfForecastRun} for the two training stages), then forecast the test split and the transformed test split
 * (initial conditions moved by a symmetry, at test time only) at seen and unseen points, in and beyond the training
 * horizon. The claim it reproduces: the equivariant model keeps its error on the transformed split; the other degrades.
 */
public final class EnfForecastExperiment implements Experiment {
    private final String id;
    private final String what;
    private final String equivariantId;
    private final IntFunction<PdeConfig> config;
    private final int defaultGrid;
    private final double window;
    private final boolean squareGrid;

    private EnfForecastExperiment(String id, String what, String equivariantId, IntFunction<PdeConfig> config,
            int defaultGrid, double window, boolean squareGrid) {
        this.id = id;
        this.what = what;
        this.equivariantId = equivariantId;
        this.config = config;
        this.defaultGrid = defaultGrid;
        this.window = window;
        this.squareGrid = squareGrid;
    }

    /** {@code enf-heat-plane}: a point source diffusing on [-3, 3]², SE(2) bi-invariants; test sources half-turned. */
    public static EnfForecastExperiment heatPlane() {
        HeatPlaneConfig ref = HeatPlaneConfig.reference();
        return new EnfForecastExperiment("enf-heat-plane", "heat diffusion on the plane (test sources half-turned into"
                + " the lower half)", "se2", n -> new HeatPlaneConfig(n, ref.halfWidth(), ref.diffusivity(),
                        ref.firstFrameTime(), ref.frames(), ref.dt()), 32, 0.5, true);
    }

    /**
     * {@code enf-navier-stokes}: vorticity on the unit torus, periodic translation bi-invariants; the reference physics
     * with the data's toy burn-in and step at any grid size. Its transformed test split includes quarter turns, which
     * the torus bi-invariant is not invariant to (only the half-period shifts are in its group).
     */
    public static EnfForecastExperiment navierStokes() {
        NavierStokesConfig ref = NavierStokesConfig.toy();
        return new EnfForecastExperiment("enf-navier-stokes", "forced Navier-Stokes vorticity on the torus (test initial"
                + " conditions turned by quarter turns and shifted by half periods)", "torus",
                n -> new NavierStokesConfig(n, ref.viscosity(), ref.forcingAmplitude(), ref.alpha(), ref.tau(),
                        ref.burnIn(), ref.frames(), ref.dt(), ref.step()), 32, 0.25, true);
    }

    /**
     * {@code enf-heat-sphere}: Gaussian peaks diffusing on the sphere (centres in the northern hemisphere), bi-invariants
     * of sphere rotations against absolute positions in the (colatitude, longitude) chart; test peaks turned by random
     * rotations. The grid option is the number of latitudes (twice as many longitudes). No grid CNN: the sphere's grid
     * is not a square one.
     */
    public static EnfForecastExperiment heatSphere() {
        HeatSphereConfig ref = HeatSphereConfig.reference();
        return new EnfForecastExperiment("enf-heat-sphere", "heat diffusion on the sphere (test peaks turned by random"
                + " rotations)", "sphere", n -> new HeatSphereConfig(n, 2 * n, ref.diffusivity(), ref.width(),
                        ref.degree(), ref.frames(), ref.dt()), 16, 0.5, false);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String description() {
        return "ENF forecasting of " + what + ": " + equivariantId + " bi-invariants against absolute positions,"
                + (squareGrid ? " a grid CNN" : "") + " and persistence, MSE in and beyond the training horizon at seen and unseen points";
    }

    @Override
    public List<OptionSpec> options() {
        String startDefault = equivariantId.equals("sphere") ? "random" : "grid";
        return List.of(StandardOptions.epochs(40), StandardOptions.batchSize(8), StandardOptions.seed(0),
                StandardOptions.trainSize(64), StandardOptions.testSize(16),
                OptionSpec.ofInt("field-epochs", 20, "epochs of the field stage (meta-learned fitting) before the ODE"
                        + " stage", 0, 100_000),
                OptionSpec.ofString("models", "equivariant,absolute", "comma-separated forecasters: equivariant ("
                        + equivariantId + " bi-invariants), absolute (absolute positions)"),
                OptionSpec.ofInt("grid", defaultGrid, "grid points per side of the simulation", 8, 512),
                OptionSpec.ofDouble("seen-fraction", 0.25, "fraction of the grid points observed", 1e-4, 0.9999),
                OptionSpec.ofInt("points-per-step", 128, "seen points sampled per training step", 1, 1_000_000),
                OptionSpec.ofInt("horizon", 10, "training horizon in frames (the rest are extrapolated)", 2, 10_000),
                OptionSpec.ofInt("latents", 4, "latent points per field", 1, 1024),
                OptionSpec.ofInt("context", 16, "context numbers per latent", 1, 4096),
                OptionSpec.ofInt("hidden", 64, "width of the field's attention and MLPs", 1, 4096),
                OptionSpec.ofInt("heads", 2, "attention heads", 1, 64),
                OptionSpec.ofDouble("window", window, "sigma of the Gaussian attention window (model coordinates)", 1e-6,
                        1e6),
                OptionSpec.ofDouble("query-frequency", 1.0, "std of the Fourier frequencies of the query embedding",
                        1e-6, 1e6),
                OptionSpec.ofDouble("value-frequency", 0.5, "std of the Fourier frequencies of the value embedding",
                        1e-6, 1e6),
                OptionSpec.ofInt("inner-steps", 3, "inner steps of the meta-learned fitting", 0, 100),
                OptionSpec.ofInt("ode-hidden", 64, "width of the latent ODE's message passing", 1, 4096),
                OptionSpec.ofInt("ode-layers", 3, "message-passing layers of the latent ODE", 1, 64),
                OptionSpec.ofDouble("ode-readout-scale", 0.01, "initial scale of the ODE's readout relative to the"
                        + " default initialisation (small: an untrained ODE nearly holds the latents still)", 1e-9, 10),
                OptionSpec.ofString("ode-method", "rk4", "integrator: rk4 or euler"),
                OptionSpec.ofInt("substeps", 1, "integration steps per frame", 1, 1000),
                OptionSpec.ofDouble("lr", 1e-3, "Adam learning rate of the field and the latent start", 1e-7, 1.0),
                OptionSpec.ofChoice("start", startDefault, "the latent start of the fitting: grid (the reference's"
                        + " regular grid, equal contexts, invariant under the grid's turns) or random", "grid", "random"),
                OptionSpec.ofBoolean("train-start", false, "train the shared latent start with the field (the"
                        + " reference keeps it fixed)"),
                OptionSpec.ofDouble("ode-lr", 1e-3, "Adam learning rate of the ODE", 1e-7, 1.0),
                OptionSpec.ofInt("data-seed", 0, "seed of the simulated trajectories and the observed points", 0,
                        Integer.MAX_VALUE),
                OptionSpec.ofInt("cnn-epochs", squareGrid ? 40 : 0, "epochs of the grid CNN baseline (0: none"
                        + (squareGrid ? ")" : "; this problem has no square grid)"), 0, 100_000),
                OptionSpec.ofInt("cnn-hidden", 32, "channels of the grid CNN baseline", 1, 4096),
                OptionSpec.ofString("cache-dir", "", "where simulated trajectories are cached (empty: none)"),
                OptionSpec.ofString("figure", "runs/" + id + ".png", "where the PNG of truth and forecasts goes (empty:"
                        + " none)"));
    }

    @Override
    public ExperimentRun start(ExperimentConfig c) {
        int seed = c.intValue(StandardOptions.SEED);
        int dataSeed = c.intValue("data-seed");
        PdeConfig pde = config.apply(c.intValue("grid"));
        int horizon = c.intValue("horizon");
        if (horizon >= pde.frames()) {
            throw new InvalidOptionException("horizon", id + ": a horizon of " + horizon + " frames leaves none of the "
                    + pde.frames() + " to extrapolate");
        }
        int trainSize = c.intValue(StandardOptions.TRAIN_SIZE);
        int testSize = c.intValue(StandardOptions.TEST_SIZE);
        String cache = c.stringValue("cache-dir");
        PdeDataset data = cache == null || cache.isBlank() ? PdeDataset.generate(pde, dataSeed, trainSize, testSize)
                : PdeDataset.load(pde, dataSeed, trainSize, testSize, Path.of(cache));
        ObservedPoints observed = data.observed(c.doubleValue("seen-fraction"));
        OdeMethod method;
        try {
            method = OdeMethod.byId(c.stringValue("ode-method"));
        } catch (RuntimeException e) {
            throw new InvalidOptionException("ode-method", id + ": " + e.getMessage());
        }
        EnfForecaster.Sizes sizes = new EnfForecaster.Sizes(c.intValue("latents"), c.intValue("context"),
                c.intValue("hidden"), c.intValue("heads"), c.doubleValue("query-frequency"),
                c.doubleValue("value-frequency"), c.doubleValue("window"), c.intValue("inner-steps"), 1.0, 5.0,
                new LatentOde.Sizes(c.intValue("ode-hidden"), c.intValue("ode-layers"), c.doubleValue("ode-readout-scale")), method,
                c.intValue("substeps"));
        BiInvariants registry = BiInvariants.load();
        String startKind = c.stringValue("start");
        boolean symmetricStart = startKind.equals("grid");
        if (symmetricStart && equivariantId.equals("sphere")) {
            throw new InvalidOptionException("start", id + ": the sphere has no grid start; use random");
        }
        int rootLatents = (int) Math.round(Math.sqrt(sizes.latents()));
        if (symmetricStart && rootLatents * rootLatents != sizes.latents()) {
            throw new InvalidOptionException("start", id + ": a grid start needs a square number of latents, got "
                    + sizes.latents());
        }
        Map<String, EnfForecaster> models = new LinkedHashMap<>();
        Rng rng = new Rng(seed);
        for (String kind : parseModels(c.stringValue("models"))) {
            String invariant = kind.equals("equivariant") ? equivariantId : "absolute";
            EnfForecaster model = new EnfForecaster(registry.get(invariant), sizes, rng.split());
            if (symmetricStart) {
                SymmetricStart.apply(model.initialisation(), sizes.latents(), model.invariant().poseDim(),
                        equivariantId.equals("torus"));
            }
            models.put(kind, model);
        }
        Map<String, Integer> splits = new LinkedHashMap<>();
        splits.put("train", trainSize);
        splits.put("test", testSize);
        splits.put("transformed test", testSize);
        DatasetSummary summary = new DatasetSummary(pde.problem().id(), String.format(Locale.ROOT,
                "%s, %d x %d grid, %d frames every %s, %d seen of %d points, data seed %d", pde.key(), pde.grid().rows(),
                pde.grid().cols(), pde.frames(), pde.dt(), observed.seen().length, pde.grid().points(), dataSeed), splits);
        String figure = c.stringValue("figure");
        int cnnEpochs = c.intValue("cnn-epochs");
        if (cnnEpochs > 0 && !squareGrid) {
            throw new InvalidOptionException("cnn-epochs", id + ": the grid CNN baseline needs a square grid; set 0");
        }
        GridBaselineSettings defaults = GridBaselineSettings.defaults(seed);
        GridBaselineSettings cnn = cnnEpochs == 0 ? null : new GridBaselineSettings(c.intValue("cnn-hidden"),
                defaults.layers(), cnnEpochs, defaults.batchSize(), defaults.learningRate(), horizon, seed);
        return new EnfForecastRun(id, data, observed, models, new EnfForecastRun.Protocol(
                c.intValue(StandardOptions.BATCH_SIZE), c.intValue("field-epochs"), horizon, c.intValue("points-per-step"),
                c.doubleValue("lr"), c.doubleValue("ode-lr"), c.booleanValue("train-start"), seed, cnn,
                figure == null || figure.isBlank() ? null : Path.of(figure)), summary);
    }

    private static List<String> parseModels(String text) {
        List<String> out = new ArrayList<>();
        for (String part : Objects.requireNonNullElse(text, "").split(",")) {
            String kind = part.trim();
            if (kind.isEmpty()) {
                continue;
            }
            if (!kind.equals("equivariant") && !kind.equals("absolute")) {
                throw new InvalidOptionException("models", "unknown model '" + kind + "': choose from equivariant, absolute");
            }
            if (!out.contains(kind)) {
                out.add(kind);
            }
        }
        if (out.isEmpty()) {
            throw new InvalidOptionException("models", "no model given: choose from equivariant, absolute");
        }
        return out;
    }
}
