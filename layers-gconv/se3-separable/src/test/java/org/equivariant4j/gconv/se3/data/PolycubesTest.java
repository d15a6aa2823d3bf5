package org.equivariant4j.gconv.se3.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.nn.data.TensorDataset;
import org.junit.jupiter.api.Test;

class PolycubesTest {
    private static final Polycubes.Settings SMALL = new Polycubes.Settings(12, 2.0, 1.0, 0.0);

    @Test
    void sameSeedSameVolumesAndBalancedLabels() {
        TensorDataset a = Polycubes.generate(16, SMALL, Polycubes.Orientation.ARBITRARY, new Rng(3));
        TensorDataset b = Polycubes.generate(16, SMALL, Polycubes.Orientation.ARBITRARY, new Rng(3));

        assertThat(a.features().shape()).containsExactly(16, 1, 12, 12, 12);
        assertThat(a.features().toDoubleArray()).containsExactly(b.features().toDoubleArray());
        long[] counts = new long[Polycubes.classes()];
        for (long l : a.labels().toLongArray()) {
            counts[(int) l]++;
        }
        assertThat(counts).containsOnly(2L);
    }

    @Test
    void everyShapeHasFourCubesOfVolumeWhateverItsOrientation() {
        // Without noise, the summed occupancy is about 4 cubes of side scale (soft edges are symmetric).
        for (Polycubes.Orientation o : Polycubes.Orientation.values()) {
            TensorDataset d = Polycubes.generate(8, SMALL, o, new Rng(5));
            Tensor mass = d.features().reshape(8, -1).sum(1, false);
            for (double m : mass.toDoubleArray()) {
                assertThat(m).as(o + " mass").isBetween(4 * 8 * 0.7 * 0.8, 4 * 8 * 1.3 * 1.2);
            }
        }
    }

    @Test
    void cubeRotationsPermuteVoxels() {
        TensorDataset d = Polycubes.generate(4, SMALL, Polycubes.Orientation.CANONICAL, new Rng(7));
        Tensor turned = new CubeRotations(12).rotateEachRandomly(d.features(), new Rng(8));
        for (int e = 0; e < 4; e++) {
            double[] before = d.features().narrow(0, e, 1).toDoubleArray();
            double[] after = turned.narrow(0, e, 1).toDoubleArray();
            Arrays.sort(before);
            Arrays.sort(after);
            assertThat(after).containsExactly(before);
        }
        assertThat(turned.toDoubleArray()).isNotEqualTo(d.features().toDoubleArray());
    }
}
