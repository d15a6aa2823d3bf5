package org.equivariant4j.graph.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.nn.activation.SiLU;
import org.equivariant4j.testkit.gradient.GradientCheck;
import org.equivariant4j.testkit.gradient.ParameterGradientCheck;
import org.junit.jupiter.api.Test;

class MessageMlpTest {

    private static MessageMlp mlp(LinearFactory factory) {
        MessageMlp m = MessageMlp.builder(LinearSlot.Role.EDGE, factory, 5, 6, 4).attributes(2).activation(SiLU::new)
                .activateLast(true).rng(new Rng(1)).build();
        m.to(DType.FLOAT64);
        return m;
    }

    @Test
    void attributesEnterTheFirstPieceOnlyByDefault() {
        MessageMlp m = mlp(LinearFactory.concatAtInput());
        assertThat(m.pieces()).hasSize(2);
        assertThat(m.pieces().get(0).attributes()).isEqualTo(2);
        assertThat(m.pieces().get(1).attributes()).isZero();
        assertThat(((AttributeConcatLinear) m.pieces().get(0)).linear().inFeatures()).isEqualTo(7);
    }

    @Test
    void theStandardFactoryConditionsEdgeAndNodeMlpsOnly() {
        MessageMlp e = MessageMlp.builder(LinearSlot.Role.EDGE, LinearFactory.standard(), 5, 6, 4).attributes(2)
                .activation(SiLU::new).rng(new Rng(1)).build();
        MessageMlp c = MessageMlp.builder(LinearSlot.Role.COORDINATE, LinearFactory.standard(), 5, 6, 1).attributes(2)
                .activation(SiLU::new).rng(new Rng(1)).build();
        assertThat(e.pieces().get(0).attributes()).isEqualTo(2);
        assertThat(c.pieces().get(0).attributes()).isZero();
    }

    @Test
    void aFactoryDecidesWhatEachSlotGets() {
        StringBuilder seen = new StringBuilder();
        LinearFactory recording = (slot, in, out, attributes, bias, init, rng) -> {
            seen.append(slot).append(bias ? "+b " : " ");
            return new AttributeConcatLinear(in, out, attributes, bias, init, rng);
        };
        MessageMlp m = MessageMlp.builder(LinearSlot.Role.COORDINATE, recording, 4, 4, 1).attributes(3)
                .activation(SiLU::new).lastBias(false).rng(new Rng(2)).build();
        assertThat(seen.toString()).isEqualTo("coordinate[0/2]+b coordinate[1/2] ");
        assertThat(m.pieces().get(1).attributes()).isEqualTo(3);
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        MessageMlp m = mlp(LinearFactory.concatAtInput());
        Rng rng = new Rng(3);
        Tensor x = Tensors.randn(rng, DType.FLOAT64, 7, 5);
        Tensor a = Tensors.randn(rng, DType.FLOAT64, 7, 2);
        GradientCheck.of("MessageMlp input and attributes", in -> m.forward(in[0], in[1]), x, a).assertCorrect();
        m.namedParameters().keySet().forEach(name -> ParameterGradientCheck.of(m, name, () -> m.forward(x, a))
                .assertCorrect());
    }

    /** MessageMlp runs each piece with its activation as one fused op: the values of running them one by one. */
    @Test
    void fusedPiecesGiveTheValuesOfRunningThemOneByOne() {
        MessageMlp m = mlp(LinearFactory.concatAtInput());
        Rng rng = new Rng(5);
        Tensor x = Tensors.randn(rng, DType.FLOAT64, 7, 5);
        Tensor a = Tensors.randn(rng, DType.FLOAT64, 7, 2);
        Tensor h = m.pieces().get(0).forward(x, a).silu();
        double[] expected = m.pieces().get(1).forward(h, null).silu().toDoubleArray();
        double[] actual = m.forward(x, a).toDoubleArray();
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).isCloseTo(expected[i], within(1e-12 * (1 + Math.abs(expected[i]))));
        }
    }

    @Test
    void badShapesNameThePiece() {
        MessageMlp m = mlp(LinearFactory.concatAtInput());
        Rng rng = new Rng(4);
        assertThatThrownBy(() -> m.forward(Tensors.randn(rng, DType.FLOAT64, 7, 4), null))
                .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("[rows, 5]");
        assertThatThrownBy(() -> m.forward(Tensors.randn(rng, DType.FLOAT64, 7, 5), Tensors.randn(rng, DType.FLOAT64, 7, 3)))
                .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("AttributeConcatLinear")
                .hasMessageContaining("[7, 2]");
    }
}
