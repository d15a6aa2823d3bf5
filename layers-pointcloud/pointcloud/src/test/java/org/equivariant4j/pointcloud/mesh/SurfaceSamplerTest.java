package org.equivariant4j.pointcloud.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.equivariant4j.core.error.Equivariant4jException;
import org.equivariant4j.core.tensor.Rng;
import org.junit.jupiter.api.Test;

class SurfaceSamplerTest {

    @Test
    void trianglesAreChosenByAreaAndPointsLieOnThemWithTheirNormals() {
        // triangle 0 in the plane z = 0 with area 0.5, triangle 1 in the plane x = 5 with area 1.5 (3x)
        double[] v = {0, 0, 0, 1, 0, 0, 0, 1, 0, 5, 0, 0, 5, 1, 0, 5, 0, 3};
        TriangleMesh m = new TriangleMesh(v, new int[] {0, 1, 2, 3, 4, 5}, new int[] {7, 9});
        int n = 20_000;
        SurfaceSampler.Sample s = SurfaceSampler.sample(m, n, new Rng(3));
        int onSecond = 0;
        double[] p = s.positions();
        double[] nr = s.normals();
        for (int i = 0; i < n; i++) {
            boolean second = s.parts()[i] == 9;
            onSecond += second ? 1 : 0;
            if (second) {
                assertThat(p[3 * i]).isEqualTo(5.0, within(1e-12));
                assertThat(new double[] {nr[3 * i], nr[3 * i + 1], nr[3 * i + 2]}).containsExactly(new double[] {1, 0, 0},
                        within(1e-12));
            } else {
                assertThat(p[3 * i + 2]).isEqualTo(0.0, within(1e-12));
                assertThat(p[3 * i] + p[3 * i + 1]).isLessThanOrEqualTo(1 + 1e-12);
                assertThat(new double[] {nr[3 * i], nr[3 * i + 1], nr[3 * i + 2]}).containsExactly(new double[] {0, 0, 1},
                        within(1e-12));
            }
        }
        // expected share 0.75; binomial sd sqrt(0.75 * 0.25 / 20000) = 0.0031, so 0.015 is ~5 sd; a sampler picking
        // triangles uniformly (0.5) misses by 0.25
        assertThat(onSecond / (double) n).isCloseTo(0.75, within(0.015));
        // uniform inside the triangle: the mean of the first triangle's points is its centroid (1/3, 1/3)
        double mx = 0;
        int first = 0;
        for (int i = 0; i < n; i++) {
            if (s.parts()[i] == 7) {
                mx += p[3 * i];
                first++;
            }
        }
        assertThat(mx / first).isCloseTo(1.0 / 3, within(0.015));
    }

    @Test
    void samplingIsReproducibleAndADegenerateMeshIsRefused() {
        TriangleMesh m = TriangleMesh.of(new double[] {0, 0, 0, 1, 0, 0, 0, 1, 0}, new int[] {0, 1, 2});
        assertThat(SurfaceSampler.sample(m, 10, new Rng(1)).positions())
                .containsExactly(SurfaceSampler.sample(m, 10, new Rng(1)).positions());
        TriangleMesh flat = TriangleMesh.of(new double[] {0, 0, 0, 1, 0, 0, 2, 0, 0}, new int[] {0, 1, 2});
        assertThatThrownBy(() -> SurfaceSampler.sample(flat, 10, new Rng(1))).isInstanceOf(Equivariant4jException.class)
                .hasMessageContaining("no surface area");
    }
}
