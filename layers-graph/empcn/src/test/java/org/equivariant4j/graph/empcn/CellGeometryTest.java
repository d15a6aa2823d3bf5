package org.equivariant4j.graph.empcn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.graph.EdgeIndex;
import org.junit.jupiter.api.Test;

class CellGeometryTest {

    private static EdgeIndex cycle(int n) {
        int[] s = new int[2 * n];
        int[] r = new int[2 * n];
        for (int i = 0; i < n; i++) {
            s[2 * i] = i;
            r[2 * i] = (i + 1) % n;
            s[2 * i + 1] = (i + 1) % n;
            r[2 * i + 1] = i;
        }
        return new EdgeIndex(s, r);
    }

    @Test
    void triangleAreaIsHalfTheCrossProductInThreeDimensions() {
        Rng rng = new Rng(1);
        Tensor x = Tensors.randn(rng, DType.FLOAT64, 3, 3);
        double[] p = x.toDoubleArray();
        double[] u = {p[3] - p[0], p[4] - p[1], p[5] - p[2]};
        double[] v = {p[6] - p[0], p[7] - p[1], p[8] - p[2]};
        double cx = u[1] * v[2] - u[2] * v[1];
        double cy = u[2] * v[0] - u[0] * v[2];
        double cz = u[0] * v[1] - u[1] * v[0];
        double expected = 0.5 * Math.sqrt(cx * cx + cy * cy + cz * cz);
        CellComplex c = CellLifting.triangles().lift(3, cycle(3));
        CellGeometry g = CellGeometry.of(c, x);
        assertThat(g.ringArea().item()).isCloseTo(expected, within(1e-9));
        assertThat(g.edgeLengthSquared().sum().item())
                .isCloseTo(u[0] * u[0] + u[1] * u[1] + u[2] * u[2] + v[0] * v[0] + v[1] * v[1] + v[2] * v[2]
                        + (u[0] - v[0]) * (u[0] - v[0]) + (u[1] - v[1]) * (u[1] - v[1]) + (u[2] - v[2]) * (u[2] - v[2]),
                        within(1e-12));
    }

    @Test
    void aRegularHexagonInTheTwoDimensionalPlaneHasItsArea() {
        double[] p = new double[12];
        for (int k = 0; k < 6; k++) {
            p[2 * k] = 2 * Math.cos(Math.PI * k / 3) + 5;
            p[2 * k + 1] = 2 * Math.sin(Math.PI * k / 3) - 1;
        }
        CellComplex c = CellLifting.rings(6, true).lift(6, cycle(6));
        CellGeometry g = CellGeometry.of(c, Tensors.of(p, DType.FLOAT64, 6, 2));
        assertThat(g.ringArea().item()).isCloseTo(1.5 * Math.sqrt(3) * 4, within(1e-9));
        // every edge midpoint of a regular hexagon of side 2 lies sqrt(3) from the centre
        for (double d : g.ringEdgeCentroidDistanceSquared().toDoubleArray()) {
            assertThat(d).isCloseTo(3.0, within(1e-9));
        }
    }

    @Test
    void aGraphWithoutCyclesHasNoRingGeometry() {
        CellComplex c = CellLifting.triangles().lift(3, new EdgeIndex(new int[] {0, 1}, new int[] {1, 2}));
        CellGeometry g = CellGeometry.of(c, Tensors.randn(new Rng(2), DType.FLOAT64, 3, 3));
        assertThat(g.ringArea()).isNull();
        assertThat(g.edgeLengthSquared().shape()).containsExactly(2, 1);
    }
}
