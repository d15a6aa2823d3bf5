package org.equivariant4j.core.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.equivariant4j.core.error.Equivariant4jException;
import org.junit.jupiter.api.Test;

/** A declared tolerance carries its reason and is a bound that can fail. */
class ApproximateEquivarianceTest {

    @Test
    void aReasonIsRequired() {
        for (String blank : new String[] {null, "", "   "}) {
            assertThatThrownBy(() -> new ApproximateEquivariance(1e-3, 0.1, blank)).isInstanceOf(Equivariant4jException.class)
                    .hasMessageContaining("expected a reason").hasMessageContaining("ApproximateEquivariance(0.001, 0.1)");
        }
    }

    @Test
    void boundsAreFiniteAndNonNegative() {
        for (double bad : new double[] {-1e-3, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> new ApproximateEquivariance(bad, 0, "interpolation")).isInstanceOf(Equivariant4jException.class)
                    .hasMessageContaining("'interpolation'").hasMessageContaining("absolute " + bad);
            assertThatThrownBy(() -> new ApproximateEquivariance(0, bad, "interpolation")).isInstanceOf(Equivariant4jException.class)
                    .hasMessageContaining("relative " + bad);
        }
    }

    @Test
    void aReasonedFiniteDeclarationIsKept() {
        ApproximateEquivariance a = new ApproximateEquivariance(1e-3, 0.6, "45-degree rotations are interpolated");
        assertThat(a.reason()).isEqualTo("45-degree rotations are interpolated");
        assertThat(a.relative()).isEqualTo(0.6);
    }
}
