package org.equivariant4j.graph.conditioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;

import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.graph.message.ConcatLinear;
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
            assertThat(p).isInstanceOf(ConditionalLinear.class);
            assertThat(((ConditionalLinear) p).mode()).isEqualTo(ConditioningMode.PURE);
            assertThat(p.attributes()).isEqualTo(2);
        });
        assertThat(mlp(f, LinearSlot.Role.NODE, 1).pieces()).allSatisfy(p -> assertThat(p).isInstanceOf(ConditionalLinear.class));
        // no attributes offered, or another role: plain linear maps that take none
        assertThat(mlp(f, LinearSlot.Role.EDGE, 0).pieces()).allSatisfy(p -> {
            assertThat(p).isInstanceOf(ConcatLinear.class);
            assertThat(p.attributes()).isZero();
        });
        assertThat(mlp(f, LinearSlot.Role.COORDINATE, 2).pieces()).allSatisfy(p -> assertThat(p.attributes()).isZero());
    }

    @Test
    void canConditionOnlyTheFirstPieceOfChosenRoles() {
        ConditioningFactory f = ConditioningFactory.of(ConditioningMode.STRONG, EnumSet.of(LinearSlot.Role.COORDINATE), false);
        var pieces = mlp(f, LinearSlot.Role.COORDINATE, 3).pieces();
        assertThat(pieces.get(0)).isInstanceOf(ConditionalLinear.class);
        assertThat(pieces.subList(1, 3)).allSatisfy(p -> assertThat(p.attributes()).isZero());
        assertThat(mlp(f, LinearSlot.Role.EDGE, 3).pieces()).allSatisfy(p -> assertThat(p.attributes()).isZero());
        assertThat(f.toString()).contains("strong").contains("first layer");
    }
}
