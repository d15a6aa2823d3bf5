package org.example.quaternion;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.equivariant4j.testkit.equivariance.EquivarianceAssertions.assertThat;

import org.equivariant4j.core.tensor.DType;
import org.junit.jupiter.api.Test;

/** The custom layer commutes with every element of Q8, in both dtypes; its left-handed twin does not. */
class QuaternionMultiplicationTest {

    @Test
    void rightMultiplicationIsEquivariant() {
        QuaternionMultiplication layer = new QuaternionMultiplication(QuaternionMultiplication.Side.RIGHT, 7);
        assertThat(layer).isEquivariantUnder(QuaternionGroup.Q8.elements());
        assertThat(layer).inDType(DType.FLOAT32).isEquivariantUnder(QuaternionGroup.Q8.elements());
    }

    @Test
    void leftMultiplicationIsNot() {
        QuaternionMultiplication layer = new QuaternionMultiplication(QuaternionMultiplication.Side.LEFT, 7);
        assertThatThrownBy(() -> assertThat(layer).isEquivariantUnder(QuaternionGroup.Q8.elements()))
                .isInstanceOf(AssertionError.class).hasMessageContaining("expected f(g·x) = g·f(x)");
    }
}
