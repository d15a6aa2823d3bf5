package org.equivariant4j.fields.latentforce.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.equivariant4j.core.experiment.DatasetSummary;
import org.equivariant4j.core.experiment.StepListener;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.fields.latentforce.model.ForceModel;
import org.equivariant4j.fields.latentforce.model.LatentForceModel;
import org.equivariant4j.fields.latentforce.model.Transitions;
import org.equivariant4j.fields.latentforce.system.FieldDataset;
import org.equivariant4j.fields.latentforce.system.FieldSystem;
import org.equivariant4j.fields.latentforce.system.InteractionLaw;
import org.equivariant4j.groups.EuclideanGroup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Field discovery at toy size, the claim the method rests on: from trajectories alone, the neural field learns the
 * direction of the global field where the particles went. Lone charges among the electrostatic setting's 20 source
 * charges (no interactions, so the field is all there is), 60 short trajectories, 255 Adam steps. The controls
 * show that the score is about this system's field: an untrained field stays far below the bound, and the trained
 * field scored against another draw of the sources clearly below its own score.
 */
class FieldDiscoveryTest {
    private static final Logger LOG = LoggerFactory.getLogger(FieldDiscoveryTest.class);
    private static final FieldSystem LONE_CHARGES = new FieldSystem("lone charges", InteractionLaw.COULOMB, 2, 1, 20, 1.0, true,
            5.0, 1.0, 1.0, 0.5, 0.001, 2000, 100, 100.0, 0.5);
    private static final double DISCOVERED = 0.75;
    private static FieldDataset data;
    private static LatentForceModel untrained;
    private static LatentForceModel trained;

    @BeforeAll
    static void train() {
        data = FieldDataset.generate(LONE_CHARGES, 7, 60, 0, 8);
        untrained = fieldModel();
        trained = fieldModel();
        EuclideanGroup e2 = EuclideanGroup.full(2);
        Map<ForceModel, LatentForceModel> models = new LinkedHashMap<>();
        models.put(ForceModel.FIELD, trained);
        LatentForceRun run = new LatentForceRun("field discovery", data, new Transitions(data.train(), e2, DType.FLOAT32),
                new Transitions(data.test(), e2, DType.FLOAT32), models,
                new LatentForceRun.Protocol(64, 1e-2, 1, 5, 10, 33, null), new DatasetSummary("lone charges", "toy",
                        Map.of("train", 60)));
        for (int epoch = 0; epoch < 15; epoch++) {
            run.trainEpoch(epoch, StepListener.NONE, () -> false);
        }
        LOG.info("field cosine: trained {}, untrained {}, trained against another draw of the sources {}",
                score(trained, data).cosine(), score(untrained, data).cosine(),
                score(trained, FieldDataset.generate(LONE_CHARGES, 8, 1, 0, 1)).cosine());
    }

    private static LatentForceModel fieldModel() {
        return new LatentForceModel(ForceModel.FIELD, EuclideanGroup.full(2), 2, LONE_CHARGES.frameInterval(),
                new LatentForceModel.Sizes(8, 1, 32, 32, 0.3), new Rng(1));
    }

    private static FieldComparison score(LatentForceModel model, FieldDataset truth) {
        return FieldComparison.measure(FieldComparison.of(model.field()), truth.simulator(), data.train(), 33);
    }

    @Test
    void theTrainedFieldPointsWhereTheTrueFieldPoints() {
        assertThat(score(trained, data).cosine()).isGreaterThan(DISCOVERED);
    }

    @Test
    void anUntrainedFieldDoesNot() {
        assertThat(Math.abs(score(untrained, data).cosine())).isLessThan(DISCOVERED / 2);
    }

    /**
     * Against another draw of the 20 sources the trained field scores clearly lower. Not near zero: two smooth random
     * fields over the same hundred-odd cells correlate by chance, so the control is a margin, not a bound.
     */
    @Test
    void theTrainedFieldIsThisSystemsFieldNotAnyField() {
        FieldDataset other = FieldDataset.generate(LONE_CHARGES, 8, 1, 0, 1);
        assertThat(score(trained, other).cosine()).isLessThan(score(trained, data).cosine() - 0.3);
    }
}
