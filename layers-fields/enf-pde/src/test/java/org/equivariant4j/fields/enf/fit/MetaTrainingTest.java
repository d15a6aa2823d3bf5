package org.equivariant4j.fields.enf.fit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.equivariant4j.core.module.Parameter;
import org.equivariant4j.core.tensor.GradMode;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.fields.enf.bi.BiInvariant;
import org.equivariant4j.fields.enf.bi.TranslationBiInvariant;
import org.equivariant4j.fields.enf.field.EmbeddingKind;
import org.equivariant4j.fields.enf.field.EquivariantCrossAttentionField;
import org.equivariant4j.nn.optim.Adam;
import org.junit.jupiter.api.Test;

/**
 * Meta-training does what it is for: after it, 3 inner steps from the learned start reconstruct new fields of the
 * family far better than 3 steps from the untrained start.
 */
class MetaTrainingTest {
    private static final int OUTER_STEPS = 60;
    private static final int BATCH = 8;
    private static final int HELD_OUT = 16;

    @Test
    void metaTrainingLowersTheErrorAfterThreeInnerStepsByAMargin() {
        BiInvariant bi = new TranslationBiInvariant();
        EquivariantCrossAttentionField field = EquivariantCrossAttentionField.builder(bi, 8, 1).hidden(16).heads(2)
                .embedding(EmbeddingKind.FOURIER, 1.0, 0.5).window(0.5).rng(new Rng(1)).build();
        LatentInitialisation init = new LatentInitialisation(bi, 4, 8, 1.0, 5.0, new Rng(2));
        MetaAutoDecoder decoder = new MetaAutoDecoder(field, init, 3, MetaGradient.SECOND_ORDER);
        GaussianBumps bumps = new GaussianBumps(6);
        Tensor heldOutX = bumps.coordinates(HELD_OUT);
        Tensor heldOutY = bumps.values(new Rng(99), HELD_OUT);
        double variance = heldOutY.sub(heldOutY.mean()).pow(2).mean().item();

        double untrained = heldOutError(decoder, field, heldOutX, heldOutY);
        List<Parameter> parameters = new ArrayList<>(field.parameters());
        parameters.addAll(init.parameters());
        Adam adam = new Adam(parameters, 3e-3);
        Rng data = new Rng(3);
        Tensor x = bumps.coordinates(BATCH);
        for (int step = 0; step < OUTER_STEPS; step++) {
            Tensor y = bumps.values(data, BATCH);
            Tensor loss = MetaAutoDecoder.reconstructionLoss(field, x, y, decoder.fit(x, y));
            adam.zeroGrad();
            loss.backward();
            adam.step();
            init.clampLearningRates();
        }
        double trained = heldOutError(decoder, field, heldOutX, heldOutY);
        System.out.printf("Gaussian bumps, MSE after 3 inner steps on %d held-out fields: untrained %.4g, meta-trained"
                + " %.4g (%d outer steps); variance of the targets %.4g%n", HELD_OUT, untrained, trained, OUTER_STEPS,
                variance);
        // A factor 3 is the margin: a meta-gradient that did not reach the start or the field would leave the error
        // near the untrained one, and the trained fit must also explain most of the fields' variance.
        assertThat(trained).isLessThan(untrained / 3);
        assertThat(trained).isLessThan(variance / 3);
    }

    private static double heldOutError(MetaAutoDecoder decoder, EquivariantCrossAttentionField field, Tensor x, Tensor y) {
        try (GradMode.Scope ignored = GradMode.disabled()) {
            return MetaAutoDecoder.reconstructionLoss(field, x, y, decoder.fit(x, y)).item();
        }
    }
}
