package org.equivariant4j.graph.conditioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;

import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.graph.message.AttributeConcatLinear;
import org.equivariant4j.graph.message.LinearSlot;
import org.equivariant4j.graph.message.MessageMlp;
import org.equivariant4j.nn.activation.SiLU;
import org.junit.jupiter.api.Test;

class ConditioningFactoryTest {

    private static MessageMlp mlp(ConditioningFactory f, LinearSlot.Role role, int attributes) {
        return MessageMlp.builder(role, f, 5, 6, 6, 2).attributes(attributes).activation(SiLU::new).rng(new Rng(1)).build();
    }

    @Test
    void conditionsEveryPieceOfTheEdgeAndNodeFunctionsByDefault() {
        ConditioningFactory f = ConditioningFactory.of(ConditioningMode.PURE);
        assertThat(mlp(f, LinearSlot.Role.EDGE, 2).pieces()).allSatisfy(p -> {
            assertThat(p).isInstanceOf(ModeConditionedLinear.class);
            assertThat(((ModeConditionedLinear) p).mode()).isEqualTo(ConditioningMode.PURE);
            assertThat(p.attributes()).isEqualTo(2);
        });
        assertThat(mlp(f, LinearSlot.Role.NODE, 1).pieces()).allSatisfy(p -> assertThat(p).isInstanceOf(ModeConditionedLinear.class));
        // no attributes offered, or another role: plain linear maps that take none
        assertThat(mlp(f, LinearSlot.Role.EDGE, 0).pieces()).allSatisfy(p -> {
            assertThat(p).isInstanceOf(AttributeConcatLinear.class);
            assertThat(p.attributes()).isZero();
        });
        assertThat(mlp(f, LinearSlot.Role.COORDINATE, 2).pieces()).allSatisfy(p -> assertThat(p.attributes()).isZero());
    }

    @Test
    void canConditionOnlyTheFirstPieceOfChosenRoles() {
        ConditioningFactory f = ConditioningFactory.of(ConditioningMode.STRONG, EnumSet.of(LinearSlot.Role.COORDINATE), false);
        var pieces = mlp(f, LinearSlot.Role.COORDINATE, 3).pieces();
        assertThat(pieces.get(0)).isInstanceOf(ModeConditionedLinear.class);
        assertThat(pieces.subList(1, 3)).allSatisfy(p -> assertThat(p.attributes()).isZero());
        assertThat(f.toString()).contains("strong").contains("first layer");
    }

    /**
     * A piece the factory does not condition is the standard factory's: the edge MLP's first piece keeps its
     * attributes concatenated (it used to become a plain map that silently ignored them); pieces the
     * standard factory gives no attributes (later pieces, other roles) still get none.
     */
    @Test
    void fallsBackToTheStandardFactoryForPiecesItDoesNotCondition() {
        ConditioningFactory f = ConditioningFactory.of(ConditioningMode.STRONG, EnumSet.of(LinearSlot.Role.COORDINATE), false);
        MessageMlp edge = mlp(f, LinearSlot.Role.EDGE, 3);
        assertThat(edge.pieces().get(0)).isInstanceOf(AttributeConcatLinear.class);
        assertThat(edge.pieces().get(0).attributes()).isEqualTo(3);
        assertThat(edge.pieces().subList(1, 3)).allSatisfy(p -> assertThat(p.attributes()).isZero());
        assertThat(mlp(f, LinearSlot.Role.VELOCITY, 3).pieces()).allSatisfy(p -> assertThat(p.attributes()).isZero());

        // and the attributes reach the output: other attributes, other messages
        Tensor x = Tensors.randn(new Rng(2), DType.FLOAT64, 4, 5);
        Tensor a = Tensors.randn(new Rng(3), DType.FLOAT64, 4, 3);
        Tensor b = Tensors.randn(new Rng(4), DType.FLOAT64, 4, 3);
        edge.to(DType.FLOAT64);
        assertThat(edge.forward(x, a).sub(edge.forward(x, b)).abs().max().item()).isGreaterThan(1e-6);
    }
}
