package org.equivariant4j.fields.enf.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.GradMode;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.fields.enf.bi.BiInvariant;
import org.equivariant4j.fields.enf.bi.BiInvariants;
import org.equivariant4j.fields.enf.bi.PoseMotion;
import org.equivariant4j.fields.enf.dynamics.LatentOde;
import org.equivariant4j.fields.enf.dynamics.OdeMethod;
import org.equivariant4j.fields.enf.field.LatentPointCloud;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The mechanism behind the rotated-initial-condition claim, end to end through an untrained forecaster: latents moved
 * by g, rolled out and decoded at moved points, give the forecast of the unmoved latents at the unmoved points. The
 * forecaster is float32 (as trained); the bound 1e-4 relative to the field's size is float32 round-off through the
 * rollout and the attention (measured ~1e-6), and the absolute-position forecaster, the negative control, misses it by
 * orders of magnitude.
 */
class EnfForecasterTest {
    private static final double FLOAT32_BOUND = 1e-4;

    private static EnfForecaster forecaster(BiInvariant bi) {
        EnfForecaster.Sizes sizes = new EnfForecaster.Sizes(4, 6, 8, 2, 1.0, 0.5, 0.7, 1, 1.0, 5.0, new LatentOde.Sizes(8, 2, 1.0),
                OdeMethod.RK4, 1);
        return new EnfForecaster(bi, sizes, new Rng(5));
    }

    /** max over frames of |forecast(g z)(g x) - forecast(z)(x)| / max |forecast(z)(x)|. */
    private static double error(String id) {
        BiInvariant bi = BiInvariants.load().get(id);
        EnfForecaster model = forecaster(bi);
        Rng rng = new Rng(9);
        int batch = 2;
        int points = 12;
        int frames = 3;
        LatentPointCloud z = new LatentPointCloud(bi.samplePoses(rng, batch * 4, DType.FLOAT32).reshape(batch, 4, -1),
                Tensors.randn(rng, DType.FLOAT32, batch, 4, 6));
        Tensor x = bi.sampleCoordinates(rng, points, DType.FLOAT32).unsqueeze(0).unsqueeze(0)
                .expand(frames + 1, batch, points, bi.coordinateDim());
        PoseMotion g = bi.sample(rng);
        try (GradMode.Scope ignored = GradMode.disabled()) {
            Tensor plain = model.decode(model.rollout(z, frames), x);
            List<LatentPointCloud> moved = model.rollout(new LatentPointCloud(g.actOnPoses(z.poses()), z.contexts()),
                    frames);
            Tensor movedForecast = model.decode(moved, g.actOnCoordinates(x));
            return movedForecast.sub(plain).abs().max().item() / plain.abs().max().item();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"translation", "se2", "torus", "sphere"})
    void aMovedInitialLatentGivesTheMovedForecast(String id) {
        assertThat(error(id)).as("%s: relative error of the moved forecast", id).isLessThan(FLOAT32_BOUND);
    }

    @Test
    void theAbsolutePositionForecasterDoesNot() {
        assertThat(error("absolute")).isGreaterThan(1e-2);
    }
}
