package org.equivariant4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.equivariant4j.core.experiment.Experiment;
import org.equivariant4j.core.experiment.ExperimentConfig;
import org.equivariant4j.core.experiment.ExperimentRun;
import org.equivariant4j.core.experiment.ResultTable;
import org.equivariant4j.core.experiment.StepListener;
import org.equivariant4j.runtime.EquivariantRuntime;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every experiment on the class path, at toy size: two runs with the same seed give identical metrics
 * (training metrics of every epoch, evaluation metrics and the result table, compared exactly), and a run
 * with another seed gives different ones. The README's numbers are only worth quoting if a run is a
 * function of its config; this is the test that says so for each experiment, including those a plugin
 * adds later.
 *
 * <p>Wall-clock measurements are the one exception, by the convention of {@link ExperimentRun}: metrics named
 * {@code <unit>_per_<what>} with a time unit (e.g. {@code ms_per_step}) and table columns headed {@code <unit>/<what>}
 * (e.g. {@code s/epoch}) are left out of the comparison.
 *
 * <p>An experiment without an entry in {@link #TOY} fails {@link #everyRegisteredExperimentHasAToyConfiguration}:
 * a new experiment cannot join without being checked here.
 */
class ExperimentDeterminismTest {

    /** Options that make each experiment run in about a second; the seed is set by the test. */
    private static final Map<String, Map<String, String>> TOY = toyConfigurations();

    /** Epochs per run: two, so that the second epoch's data order and optimiser state are exercised too. */
    private static final int EPOCHS = 2;

    @TempDir
    static Path scratch;

    private static Map<String, Map<String, String>> toyConfigurations() {
        Map<String, Map<String, String>> toy = new HashMap<>();
        toy.put("two-spirals", Map.of("train-size", "64", "test-size", "64", "hidden", "8", "batch-size", "16"));
        toy.put("c4-tetrominoes", Map.of("train-size", "64", "test-size", "32", "fields", "2", "hidden", "8",
                "batch-size", "16"));
        toy.put("gcnn-rotated-2d", Map.of("train-size", "32", "test-size", "16", "size", "12", "cnn-channels", "2",
                "c4-fields", "1", "d4-fields", "1", "batch-size", "16"));
        toy.put("se3-polycubes", Map.of("train-size", "16", "test-size", "8", "size", "8", "scale", "2", "width", "1",
                "kernel", "3", "grids", "O", "batch-size", "8"));
        toy.put("ccnn-sequence", Map.of("train-size", "16", "test-size", "8", "length", "16", "hidden", "4", "blocks", "1",
                "batch-size", "8"));
        toy.put("ccnn-shapes", Map.of("train-size", "12", "test-size", "6", "size", "10", "hidden", "4", "blocks", "1",
                "batch-size", "6"));
        Map<String, String> discovery = Map.of("train-size", "32", "test-size", "16", "channels", "2", "size", "9",
                "batch-size", "16");
        toy.put("ws-discover-c4", discovery);
        toy.put("ws-partial-symmetry", discovery);
        toy.put("ws-labels", Map.of("train-size", "32", "test-size", "16", "channels", "2", "layers", "2", "kernel", "3",
                "size", "9", "batch-size", "16"));
        toy.put("ws-rotated-accuracy", Map.of("train-size", "32", "test-size", "16", "size", "12", "ws-channels", "1",
                "ws-layers", "1", "ws-kernel", "3", "c4-fields", "1", "cnn-channels", "2", "batch-size", "16"));
        toy.put("learned-invariance", Map.of("train-size", "32", "test-size", "16", "size", "12", "cnn-channels", "2",
                "c4-fields", "1", "d4-fields", "1", "metric-size", "8", "batch-size", "16"));
        Map<String, String> ssl = Map.of("train-size", "32", "test-size", "16", "size", "12", "width", "2", "projection", "8",
                "cuts", "1,3", "grad-scale", "true", "batch-size", "16");
        for (String id : List.of("ssl-simclr", "ssl-byol", "ssl-simsiam")) {
            toy.put(id, ssl);
        }
        Map<String, String> nbody = Map.of("train-size", "20", "valid-size", "10", "test-size", "10", "hidden", "8",
                "layers", "2", "batch-size", "10", "eval-every", "1", "steps", "4200");
        for (String id : List.of("nbody-egnn", "nbody-gnn", "nbody-empcn", "nbody-empcn-decoupled", "nbody-egnn-weak",
                "nbody-egnn-strong", "nbody-egnn-pure", "nbody-egnn-rbf-weak", "nbody-egnn-rbf-strong", "nbody-egnn-rbf-pure")) {
            toy.put(id, nbody);
        }
        Map<String, String> pointClouds = Map.of("train-size", "16", "test-size", "8", "points", "32", "grid", "3", "k", "2",
                "channels", "2", "hidden", "4", "baseline-k", "4", "baseline-channels", "2", "baseline-hidden", "4");
        toy.put("gridifier-classify", pointClouds);
        toy.put("gridifier-segment", pointClouds);
        Map<String, String> fields = Map.ofEntries(Map.entry("train-size", "3"), Map.entry("test-size", "2"),
                Map.entry("hidden", "4"), Map.entry("layers", "1"), Map.entry("field-hidden", "4"),
                Map.entry("field-features", "4"), Map.entry("batch-size", "32"), Map.entry("grid", "5"),
                Map.entry("steps", "3000"), Map.entry("rollout-start", "20"), Map.entry("rollout-steps", "5"));
        toy.put("lff-electrostatic", fields);
        toy.put("lff-gravitational", fields);
        Map<String, String> enf = Map.ofEntries(Map.entry("train-size", "4"), Map.entry("test-size", "2"),
                Map.entry("grid", "8"), Map.entry("latents", "4"), Map.entry("context", "2"), Map.entry("hidden", "4"),
                Map.entry("heads", "1"), Map.entry("inner-steps", "1"), Map.entry("ode-hidden", "4"),
                Map.entry("ode-layers", "1"), Map.entry("points-per-step", "8"), Map.entry("batch-size", "4"),
                Map.entry("field-epochs", "1"), Map.entry("cnn-hidden", "2"), Map.entry("cnn-epochs", "1"));
        toy.put("enf-heat-plane", enf);
        toy.put("enf-navier-stokes", enf);
        Map<String, String> sphere = new HashMap<>(enf);
        sphere.put("grid", "8");
        sphere.put("cnn-epochs", "0");
        toy.put("enf-heat-sphere", sphere);
        return toy;
    }

    @Test
    void everyRegisteredExperimentHasAToyConfiguration() {
        List<String> missing = experiments().map(Experiment::id).filter(id -> !TOY.containsKey(id)).toList();
        assertThat(missing).as("experiments with no toy configuration in %s.TOY: add one so their determinism is checked",
                getClass().getSimpleName()).isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> theSameSeedGivesTheSameMetricsAndAnotherSeedDifferentOnes() {
        return experiments().filter(e -> TOY.containsKey(e.id())).map(e -> DynamicTest.dynamicTest(e.id(), () -> {
            Map<String, Object> first = run(e, 1);
            Map<String, Object> again = run(e, 1);
            assertThat(again).as("%s: metrics of a second run with seed 1", e.id()).isEqualTo(first);
            Map<String, Object> other = run(e, 2);
            if (other.equals(first)) {
                fail("%s: seed 2 gave exactly the metrics of seed 1 (%s): the seed does not reach the run", e.id(), first);
            }
        }));
    }

    private static Stream<Experiment> experiments() {
        return EquivariantRuntime.load().experiments().all().stream().map(c -> c.provider());
    }

    /** Trains {@link #EPOCHS} epochs and returns everything the run reports, in order. */
    private static Map<String, Object> run(Experiment experiment, int seed) {
        Map<String, String> options = new LinkedHashMap<>(TOY.get(experiment.id()));
        options.put("seed", Integer.toString(seed));
        options.put("epochs", Integer.toString(EPOCHS));
        if (hasOption(experiment, "cache-dir")) {
            options.put("cache-dir", scratch.resolve("nbody-cache").toString());
        }
        if (hasOption(experiment, "figure")) {
            options.put("figure", scratch.resolve(experiment.id() + "-" + seed + ".png").toString());
        }
        ExperimentRun run = experiment.start(ExperimentConfig.resolve(experiment, options));
        Map<String, Object> reported = new LinkedHashMap<>();
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            int e = epoch;
            run.trainEpoch(epoch, StepListener.NONE, () -> false).metrics().forEach((k, v) -> put(reported, "train." + e, k, v));
            run.evaluate().forEach((k, v) -> put(reported, "eval." + e, k, v));
        }
        ResultTable table = run.results();
        for (int c = 0; c < table.columns().size(); c++) {
            if (!ExperimentRun.isWallClock(table.columns().get(c))) {
                int column = c;
                reported.put("results." + table.columns().get(c), table.rows().stream().map(r -> r.get(column)).toList());
            }
        }
        return reported;
    }

    private static void put(Map<String, Object> reported, String prefix, String metric, Double value) {
        if (!ExperimentRun.isWallClock(metric)) {
            reported.put(prefix + "." + metric, value);
        }
    }

    private static boolean hasOption(Experiment experiment, String name) {
        return experiment.options().stream().anyMatch(o -> o.name().equals(name));
    }
}
