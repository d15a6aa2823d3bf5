package org.equivariant4j.core.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.junit.jupiter.api.Test;

/** ConvSpec, PoolSpec and Rng: validated values with readable text forms; seeded streams repeat. */
class SpecsTest {

    @Test
    void convSpecBuildsAndValidates() {
        ConvSpec s = ConvSpec.of(2).withStride(2).withPadding(1).withGroups(4);
        assertThat(s.stride()).containsExactly(2, 2);
        assertThat(s.toString()).isEqualTo("ConvSpec(stride=[2, 2], padding=[1, 1], dilation=[1, 1], groups=4, outputPadding=[0, 0])");
        assertThat(s).isEqualTo(ConvSpec.of(2).withStride(2).withPadding(1).withGroups(4));
        assertThatThrownBy(() -> new ConvSpec(new int[] {1}, new int[] {0, 0}, new int[] {1}, 1, new int[] {0}))
                .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("one entry per spatial dimension");
        assertThatThrownBy(() -> ConvSpec.of(1).withStride(0)).hasMessageContaining("stride");
    }

    @Test
    void convSpecErrorsPrintTheValuesGivenNotNulls() {
        // The compact constructor checks before the fields are assigned: the message must print its arguments.
        assertThatThrownBy(() -> ConvSpec.of(2).withStride(0)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("stride=[0, 0], padding=[0, 0], dilation=[1, 1], groups=1, outputPadding=[0, 0]")
                .hasMessageNotContaining("null");
        assertThatThrownBy(() -> new ConvSpec(new int[] {1}, new int[] {-1}, new int[] {1}, 1, new int[] {0}))
                .hasMessageContaining("padding=[-1]").hasMessageNotContaining("null");
        assertThatThrownBy(() -> new ConvSpec(null, new int[] {0}, new int[] {1}, 1, new int[] {0}))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("must all be given");
    }

    @Test
    void poolSpecRejectsPaddingWiderThanHalfTheWindow() {
        assertThat(PoolSpec.of(3, 2).kernel()).containsExactly(2, 2, 2);
        assertThatThrownBy(() -> PoolSpec.of(2, 2).withPadding(2)).hasMessageContaining("padding");
    }

    @Test
    void rngWithTheSameSeedRepeats() {
        Rng a = new Rng(42);
        Rng b = new Rng(42);
        for (int i = 0; i < 5; i++) {
            assertThat(a.nextGaussian()).isEqualTo(b.nextGaussian());
        }
        assertThat(new Rng(7).permutation(10)).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void gradModeScopesNestAndRestore() {
        assertThat(GradMode.isEnabled()).isTrue();
        try (GradMode.Scope outer = GradMode.disabled()) {
            try (GradMode.Scope inner = GradMode.enabled()) {
                assertThat(GradMode.isEnabled()).isTrue();
            }
            assertThat(GradMode.isEnabled()).isFalse();
        }
        assertThat(GradMode.isEnabled()).isTrue();
    }
}
