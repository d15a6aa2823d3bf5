package org.equivariant4j.gconv.se3;

import static org.assertj.core.api.Assertions.assertThat;

import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.tensor.ConvSpec;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.core.module.Module;
import org.junit.jupiter.api.Test;

/**
 * The lifting convolution against a slow oracle: for each cube rotation g_i, the kernel rotated voxel by
 * voxel from the rotation matrix (W_i[p] = W[g_i⁻¹ p], an index permutation) and convolved on its own.
 */
class LiftingReferenceTest {

    @Test
    void matchesOneConvolutionPerRotationWithTheKernelPermuted() {
        RotationGrid grid = RotationGrid.octahedral();
        int k = 3;
        SE3LiftingConv lift = new SE3LiftingConv(grid, 2, 1, k, 1, new Rng(1));
        lift.to(DType.FLOAT64);
        Tensor x = Tensors.randn(new Rng(2), DType.FLOAT64, 1, 2, 5, 5, 5);
        double[] w = lift.namedParameters().get("weight").value().toDoubleArray(); // [1, 2, 27]

        Tensor out = lift.forward(GeometricTensor.of(x, lift.inType())).tensor();

        for (int i = 0; i < grid.size(); i++) {
            double[] r = grid.matrix(i);
            double[] rotated = new double[2 * 27];
            for (int c = 0; c < 2; c++) {
                for (int a = 0; a < k; a++) {
                    for (int b = 0; b < k; b++) {
                        for (int e = 0; e < k; e++) {
                            int[] p = {a - 1, b - 1, e - 1};
                            int[] q = new int[3];
                            for (int d = 0; d < 3; d++) {
                                q[d] = (int) Math.round(r[d] * p[0] + r[3 + d] * p[1] + r[6 + d] * p[2]) + 1;
                            }
                            boolean corner = Math.abs(p[0]) + Math.abs(p[1]) + Math.abs(p[2]) == 3; // outside the ball
                            rotated[c * 27 + (a * k + b) * k + e] = corner ? 0 : w[c * 27 + (q[0] * k + q[1]) * k + q[2]];
                        }
                    }
                }
            }
            Tensor expected = x.conv(Tensors.of(rotated, DType.FLOAT64, 1, 2, k, k, k), null, ConvSpec.of(3).withPadding(1));
            Tensor actual = out.narrow(1, i, 1);
            assertThat(actual.sub(expected).abs().max().item()).as("rotation " + i).isLessThan(1e-12);
        }
        assertThat(lift).isInstanceOf(Module.class);
    }
}
