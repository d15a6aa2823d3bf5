package org.equivariant4j.fields.enf.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.ArrayList;
import java.util.List;

import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.fields.enf.bi.BiInvariant;
import org.equivariant4j.fields.enf.bi.BiInvariants;
import org.equivariant4j.fields.enf.bi.PlaneMotion;
import org.equivariant4j.fields.enf.fit.LatentInitialisation;
import org.junit.jupiter.api.Test;

/** The grid start is mapped onto itself by a half turn and a quarter turn (as a set of poses), contexts all equal. */
class SymmetricStartTest {

    private static List<String> poseSet(Tensor poses) {
        double[] v = poses.toDoubleArray();
        int d = poses.size(1);
        List<String> out = new ArrayList<>();
        for (int k = 0; k < poses.size(0); k++) {
            double theta = d == 3 ? Math.IEEEremainder(v[k * d + 2], 2 * Math.PI) : 0;
            out.add(String.format("%.5f %.5f %.5f", v[k * d] + 0.0, v[k * d + 1] + 0.0, theta + 0.0));
        }
        out.sort(null);
        return out;
    }

    @Test
    void theSe2GridStartIsInvariantUnderTheGridTurns() {
        BiInvariant se2 = BiInvariants.load().get("se2");
        LatentInitialisation start = new LatentInitialisation(se2, 4, 3, 1.0, 5.0, new Rng(1));
        SymmetricStart.apply(start, 4, 3, false);
        Tensor poses = start.namedParameters().get("poses").value();
        for (double angle : new double[] {Math.PI, Math.PI / 2}) {
            assertThat(poseSet(new PlaneMotion(angle, 0, 0).actOnPoses(poses))).isEqualTo(poseSet(poses));
        }
        // the control: a random start is not
        Tensor random = new LatentInitialisation(se2, 4, 3, 1.0, 5.0, new Rng(1)).namedParameters().get("poses").value();
        assertThat(poseSet(new PlaneMotion(Math.PI, 0, 0).actOnPoses(random))).isNotEqualTo(poseSet(random));
        double[] contexts = start.namedParameters().get("contexts").value().toDoubleArray();
        assertThat(contexts).containsOnly(1.0);
        assertThat(poses.dtype()).isEqualTo(DType.FLOAT32);
    }

    @Test
    void theTorusGridIsCellCentres() {
        LatentInitialisation start = new LatentInitialisation(BiInvariants.load().get("torus"), 4, 2, 1.0, 5.0, new Rng(1));
        SymmetricStart.apply(start, 4, 2, true);
        assertThat(start.namedParameters().get("poses").value().toDoubleArray()).containsExactly(
                new double[] {0.25, 0.25, 0.25, 0.75, 0.75, 0.25, 0.75, 0.75}, offset(1e-7));
    }
}
