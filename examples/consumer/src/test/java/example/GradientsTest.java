package example;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GradientsTest {

    @Test
    void theGradientHasTheWeightsShapeAndIsNotZero() {
        assertThat(Gradients.example().shape()).containsExactly(64, 10);
        assertThat(Gradients.example().abs().max().item()).isGreaterThan(0.0);
    }
}
