package org.equivariant4j.fields.latentforce.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.equivariant4j.core.experiment.DatasetSummary;
import org.equivariant4j.core.experiment.StepListener;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.fields.latentforce.model.ForceModel;
import org.equivariant4j.fields.latentforce.model.LatentForceModel;
import org.equivariant4j.fields.latentforce.model.Transitions;
import org.equivariant4j.fields.latentforce.system.FieldDataset;
import org.equivariant4j.fields.latentforce.system.FieldSystem;
import org.equivariant4j.groups.EuclideanGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The forecasting claim at toy size, on the electrostatic system itself (5 interacting charges among the 20 source
 * charges): with the same interaction network — the EGNN, or the local-frame network — adding the neural field beats
 * the interactions alone, which are equivariant, cannot see absolute position and so cannot represent the global
 * field. Both models of a pair train on the same batches from the same seed (60 short trajectories, 350 Adam steps
 * each); the margin (the field model's rollout error at most 0.8 of the interactions-only model's) is the claim's,
 * not a measured value plus slack: a field part that learned nothing leaves the two models equal up to noise.
 * Measured 2026-12-06 (load ~4), EGNN pair: rollout MSE 1.9e-4 against 2.5e-3 for the EGNN alone and 2.3e-3 for
 * constant velocity; field cosine 0.74. Local-frame pair (load ~10): 9.8e-4 against 2.4e-3 for the local-frame
 * network alone and 2.3e-3 for constant velocity.
 */
class ForecastOrderingTest {
    private static final Logger LOG = LoggerFactory.getLogger(ForecastOrderingTest.class);
    private static final Map<String, Map<String, Double>> METRICS = new ConcurrentHashMap<>();

    /** The metrics of the field model and the interactions-only model of {@code interactions} ("egnn" or "locs"). */
    private static Map<String, Double> metrics(String interactions) {
        return METRICS.computeIfAbsent(interactions, k -> train(withField(k), ForceModel.byId(k)));
    }

    private static ForceModel withField(String interactions) {
        return ForceModel.byId(interactions.equals("egnn") ? "aether" : "aether-" + interactions);
    }

    private static Map<String, Double> train(ForceModel field, ForceModel interactionsOnly) {
        FieldSystem sys = FieldSystem.electrostatic().withSteps(2000);
        FieldDataset data = FieldDataset.generate(sys, 7, 60, 0, 12);
        EuclideanGroup e2 = EuclideanGroup.full(2);
        LatentForceModel.Sizes sizes = new LatentForceModel.Sizes(16, 2, 32, 32, 0.3);
        Map<ForceModel, LatentForceModel> models = new LinkedHashMap<>();
        models.put(field, new LatentForceModel(field, e2, 2, sys.frameInterval(), sizes, new Rng(3)));
        models.put(interactionsOnly, new LatentForceModel(interactionsOnly, e2, 2, sys.frameInterval(), sizes, new Rng(3)));
        LatentForceRun run = new LatentForceRun("ordering", data, new Transitions(data.train(), e2, DType.FLOAT32),
                new Transitions(data.test(), e2, DType.FLOAT32), models, new LatentForceRun.Protocol(32, 3e-3, 1, 10, 5, 17, null),
                new DatasetSummary("electrostatic", "toy", Map.of("train", 60)));
        for (int epoch = 0; epoch < 10; epoch++) {
            run.trainEpoch(epoch, StepListener.NONE, () -> false);
        }
        Map<String, Double> metrics = run.evaluate();
        LOG.info("toy electrostatic forecasting, {} against {}: {}", field.id(), interactionsOnly.id(), metrics);
        return metrics;
    }

    @ParameterizedTest
    @ValueSource(strings = {"egnn", "locs"})
    void theFieldModelForecastsBetterThanTheInteractionsAlone(String interactions) {
        Map<String, Double> m = metrics(interactions);
        assertThat(m.get(withField(interactions).id() + "_rollout_mse")).isLessThan(0.8 * m.get(interactions + "_rollout_mse"));
    }

    /** The field model also halves the constant-velocity error (the EGNN alone does not, at this size: see the README). */
    @ParameterizedTest
    @ValueSource(strings = {"egnn", "locs"})
    void theFieldModelBeatsConstantVelocity(String interactions) {
        Map<String, Double> m = metrics(interactions);
        assertThat(m.get(withField(interactions).id() + "_rollout_mse"))
                .isLessThan(0.5 * m.get("constant_velocity_rollout_mse"));
    }

    /**
     * Among interacting charges too, the field part points where the true field points (untrained: about 0). For the
     * EGNN pair only: beside the local-frame network the field is found more slowly at this size (cosine 0.44
     * measured; 0.755 in the README's full run), and no claim in the README rests on the toy value.
     */
    @Test
    void theFieldIsFoundBesideTheInteractions() {
        assertThat(metrics("egnn").get("aether_field_cosine")).isGreaterThan(0.5);
    }
}
