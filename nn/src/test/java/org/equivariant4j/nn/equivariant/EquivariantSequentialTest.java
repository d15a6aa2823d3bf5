package org.equivariant4j.nn.equivariant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.equivariant4j.nn.equivariant.EquivariantLinearTest.EXACT_IN_FLOAT64;
import static org.equivariant4j.nn.equivariant.EquivariantLinearTest.sum;

import java.util.List;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.FieldTypeMismatchException;
import org.equivariant4j.core.field.Domain;
import org.equivariant4j.core.field.FieldType;
import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.group.Representation;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.groups.CyclicGroup;
import org.equivariant4j.groups.DihedralGroup;
import org.equivariant4j.testkit.equivariance.EquivarianceAssertions;
import org.equivariant4j.equivariance.EquivarianceChecker;
import org.junit.jupiter.api.Test;

/** Composition: adjacent types checked at construction, naming both layers and both types. */
class EquivariantSequentialTest {
    private static final CyclicGroup C4 = CyclicGroup.of(4);
    private static final Representation REG = Representation.regular(C4);

    private static FieldType vectors(Representation r) {
        return FieldType.of(Domain.vectors(), r);
    }

    @Test
    void mismatchNamesBothLayersByIndexAndBothTypes() {
        EquivariantLinear linear = new EquivariantLinear(vectors(REG), vectors(sum(REG, REG)), new Rng(1));
        PointwiseNonlinearity relu = PointwiseNonlinearity.relu(vectors(sum(REG, REG, REG)));
        assertThatThrownBy(() -> new EquivariantSequential(linear, relu)).isInstanceOf(FieldTypeMismatchException.class)
                .hasMessage("EquivariantSequential: layer 0 (" + linear + ") outputs C4 on vectors: 2x regular but layer 1"
                        + " (PointwiseNonlinearity(relu on 3x regular)) expects C4 on vectors: 3x regular; insert a layer mapping"
                        + " 2x regular to 3x regular (e.g. an EquivariantLinear) or change one of the two types");
    }

    @Test
    void mismatchOfGroupOrDomainIsReportedAtTheAdjacentPair() {
        DihedralGroup d4 = DihedralGroup.of(4);
        EquivariantLinear c4Layer = new EquivariantLinear(vectors(REG), vectors(REG), new Rng(1));
        PointwiseNonlinearity d4Layer = PointwiseNonlinearity.relu(vectors(Representation.regular(d4)));
        assertThatThrownBy(() -> new EquivariantSequential(c4Layer, d4Layer))
                .hasMessageContaining("layer 0").hasMessageContaining("outputs C4 on vectors: regular")
                .hasMessageContaining("layer 1").hasMessageContaining("expects D4 on vectors: regular");
        PointwiseNonlinearity onGrid = PointwiseNonlinearity.relu(FieldType.of(Domain.grid(2), REG));
        assertThatThrownBy(() -> new EquivariantSequential(c4Layer, c4Layer, onGrid))
                .hasMessageContaining("layer 1").hasMessageContaining("layer 2").hasMessageContaining("expects C4 on Z2: regular");
        assertThatThrownBy(() -> new EquivariantSequential(List.of())).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("at least one layer");
    }

    @Test
    void aWellTypedNetworkIsEquivariantAndNamesItsParameters() {
        FieldType in = FieldType.of(Domain.grid(2), sum(REG, Representation.trivial(C4)));
        FieldType hidden = FieldType.of(Domain.grid(2), sum(REG, REG));
        EquivariantLinear first = new EquivariantLinear(in, hidden, new Rng(2));
        EquivariantBatchNorm bn = new EquivariantBatchNorm(hidden);
        GroupPooling pool = new GroupPooling(hidden, GroupPooling.Mode.MAX);
        EquivariantSequential net = new EquivariantSequential(first, bn, PointwiseNonlinearity.relu(hidden),
                new EquivariantLinear(hidden, hidden, new Rng(3)), pool);
        assertThat(net.inType()).isEqualTo(in);
        assertThat(net.outType()).isEqualTo(pool.outType());
        assertThat(net.namedParameters().keySet()).contains("0.weight_0_0", "0.bias_0", "1.weight", "3.weight_0_0");
        assertThat(net.stateDict().keySet()).contains("1.running_mean", "1.running_var");
        net.to(DType.FLOAT64);
        // As a function, so the batch norm inside stays in training mode (the kit would evaluate a layer in eval mode).
        EquivarianceAssertions.assertThat(EquivarianceChecker.of(net + " in training mode", in, net.outType(), net::forward))
                .withSeed(4).isEquivariantUnder(C4.elements()).within(EXACT_IN_FLOAT64);
        GeometricTensor wrong = GeometricTensor.of(Tensors.randn(new Rng(5), DType.FLOAT64, 1, 8, 5, 5), hidden);
        assertThatThrownBy(() -> net.forward(wrong)).isInstanceOf(FieldTypeMismatchException.class)
                .hasMessageContaining("expected an input of type C4 on Z2: regular + trivial but was C4 on Z2: 2x regular");
    }

    @Test
    void anErrorRaisedInsideALayerNamesEveryLayerItPassedThroughAndKeepsItsType() {
        EquivariantLinear first = new EquivariantLinear(vectors(REG), vectors(sum(REG, REG)), new Rng(1));
        EquivariantLinear second = new EquivariantLinear(vectors(sum(REG, REG)), vectors(REG), new Rng(2));
        EquivariantSequential net = new EquivariantSequential(first, second);
        GeometricTensor wrongDType = GeometricTensor.of(Tensors.randn(new Rng(3), DType.FLOAT64, 2, 4), vectors(REG));
        assertThatThrownBy(() -> net.forward(wrongDType)).isInstanceOf(org.equivariant4j.core.error.Equivariant4jException.class)
                .satisfies(e -> {
                    var context = ((org.equivariant4j.core.error.Equivariant4jException) e).context();
                    assertThat(context).hasSize(2);
                    assertThat(context.get(0)).startsWith(first.toString()).contains("C4 on vectors: regular -> C4 on vectors: 2x regular");
                    assertThat(context.get(1)).startsWith("EquivariantSequential(");
                })
                .hasMessageContaining("\n  in " + first + ": C4 on vectors: regular -> C4 on vectors: 2x regular");
    }
}
