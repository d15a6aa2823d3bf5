package org.equivariant4j.gconv.weightsharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.equivariant4j.core.error.UnsupportedFeatureException;
import org.equivariant4j.core.group.FiniteGroup;
import org.equivariant4j.core.group.GroupElement;
import org.equivariant4j.groups.CyclicGroup;
import org.equivariant4j.groups.DihedralGroup;
import org.junit.jupiter.api.Test;

class KernelPermutationsTest {

    private static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                if (a[i][k] != 0) {
                    for (int j = 0; j < n; j++) {
                        c[i][j] += a[i][k] * b[k][j];
                    }
                }
            }
        }
        return c;
    }

    private static void assertHomomorphism(FiniteGroup group, double[][][] p) {
        List<GroupElement> el = group.elements();
        assertThat(p[0]).isDeepEqualTo(WeightSharingConv.identity(p[0].length));
        for (int a = 0; a < el.size(); a++) {
            for (int b = 0; b < el.size(); b++) {
                int ab = group.indexOf(el.get(a).compose(el.get(b)));
                assertThat(multiply(p[a], p[b])).as("P(%s) P(%s) = P(%s)", el.get(a), el.get(b), el.get(ab)).isDeepEqualTo(p[ab]);
            }
        }
    }

    @Test
    void quarterTurnIsNumpysRot90OfTheKernel() {
        int k = 3;
        double[][] r1 = KernelPermutations.spatial(CyclicGroup.of(4), k)[1];
        // (P K)[i][j] = K[j][k-1-i] for every kernel K: written out per cell, independently of the group code.
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                int source = j * k + (k - 1 - i);
                for (int v = 0; v < k * k; v++) {
                    assertThat(r1[i * k + j][v]).isEqualTo(v == source ? 1.0 : 0.0);
                }
            }
        }
    }

    @Test
    void spatialPermutationsRepresentTheGroup() {
        for (FiniteGroup g : List.of(CyclicGroup.of(4), DihedralGroup.of(4), CyclicGroup.of(2), DihedralGroup.of(1))) {
            for (int k : new int[] {1, 3, 5}) {
                assertHomomorphism(g, KernelPermutations.spatial(g, k));
            }
        }
    }

    @Test
    void regularTimesSpatialRepresentsTheGroup() {
        for (FiniteGroup g : List.of(CyclicGroup.of(4), DihedralGroup.of(4))) {
            double[][][] p = KernelPermutations.regular(g, 3);
            assertThat(p[0].length).isEqualTo(g.order() * 9);
            assertHomomorphism(g, p);
        }
    }

    @Test
    void refusesEvenKernelsAndNonLatticeRotations() {
        assertThatThrownBy(() -> KernelPermutations.spatial(CyclicGroup.of(4), 4)).hasMessageContaining("odd");
        assertThatThrownBy(() -> KernelPermutations.spatial(CyclicGroup.of(8), 3)).isInstanceOf(UnsupportedFeatureException.class)
                .hasMessageContaining("C8").hasMessageContaining("kernel grid");
    }
}
