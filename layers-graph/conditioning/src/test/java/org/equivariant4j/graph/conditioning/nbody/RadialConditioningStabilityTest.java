package org.equivariant4j.graph.conditioning.nbody;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.IntStream;

import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.GradMode;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.graph.conditioning.ConditioningFactory;
import org.equivariant4j.graph.conditioning.ConditioningMode;
import org.equivariant4j.graph.conditioning.plugin.ConditioningPlugin;
import org.equivariant4j.graph.egnn.nbody.EgnnNBodyModel;
import org.equivariant4j.graph.nbody.NBodyBatch;
import org.equivariant4j.graph.nbody.NBodyConfig;
import org.equivariant4j.graph.nbody.NBodyDataset;
import org.equivariant4j.graph.nbody.NBodyExamples;
import org.equivariant4j.graph.nbody.NBodyTask;
import org.equivariant4j.groups.EuclideanGroup;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The claim that a normalised radial basis lets strong and pure conditioning use the geometry stably: at
 * initialisation, the experiments' model (4 layers, hidden 64) conditioned on {@link ConditioningPlugin#distanceBasis()}
 * predicts 100 real N-body samples with an MSE of the order of the no-motion predictor's (below {@value #STABLE}
 * times it; measured 0.62 weak, 1.39 strong, 1.41 pure), while the same model conditioned on the raw squared
 * distance (negative control) explodes past {@value #EXPLODED} times it in strong and pure mode (measured 2.5e9
 * and 9.4e14). Both bounds sit orders of magnitude from what each side measures, so neither is tuned to a run.
 */
class RadialConditioningStabilityTest {
    private static final double STABLE = 10;
    private static final double EXPLODED = 1e3;

    private static double initialMseOverStatic(EgnnNBodyModel model, Path cache) {
        EuclideanGroup e3 = EuclideanGroup.full(3);
        NBodyConfig config = NBodyConfig.reference();
        NBodyDataset data = NBodyDataset.load(config, 43, 100, 1, 1, cache);
        NBodyExamples train = new NBodyExamples(data.train(), NBodyTask.reference(), config, e3, DType.FLOAT32);
        NBodyBatch batch = train.batch(IntStream.range(0, 100).toArray());
        try (GradMode.Scope ignored = GradMode.disabled()) {
            Tensor d = model.predict(batch.graph()).sub(batch.targets());
            return d.mul(d).mean().item() / train.staticMse();
        }
    }

    @ParameterizedTest
    @EnumSource(ConditioningMode.class)
    void theRadialBasisKeepsEveryModeStableAtInitialisation(ConditioningMode mode, @TempDir Path cache) {
        int k = ConditioningPlugin.distanceBasis().size();
        EgnnNBodyModel model = new EgnnNBodyModel(EuclideanGroup.full(3), 64, 4,
                ConditioningFactory.of(mode).conditionOn(IntStream.range(2, 2 + k).toArray()), ConditioningPlugin.distanceBasis(),
                new Rng(1));
        double ratio = initialMseOverStatic(model, cache);
        System.out.printf("RadialConditioningStabilityTest %s on the radial basis: initial MSE %.3g x static%n", mode, ratio);
        assertThat(ratio).as("%s: initial MSE / no-motion MSE", mode).isFinite().isLessThan(STABLE);
    }

    @ParameterizedTest
    @EnumSource(value = ConditioningMode.class, names = {"STRONG", "PURE"})
    void negativeControlConditioningOnTheRawSquaredDistanceExplodes(ConditioningMode mode, @TempDir Path cache) {
        EgnnNBodyModel model = new EgnnNBodyModel(EuclideanGroup.full(3), 64, 4, ConditioningFactory.of(mode).conditionOn(1),
                new Rng(1));
        double ratio = initialMseOverStatic(model, cache);
        System.out.printf("RadialConditioningStabilityTest %s on the raw squared distance: initial MSE %.3g x static%n", mode,
                ratio);
        assertThat(ratio).as("%s on |x_i - x_j|^2: initial MSE / no-motion MSE", mode).isGreaterThan(EXPLODED);
    }
}
