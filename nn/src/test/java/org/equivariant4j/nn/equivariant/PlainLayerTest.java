package org.equivariant4j.nn.equivariant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.equivariant4j.nn.equivariant.EquivariantLinearTest.EXACT_IN_FLOAT64;

import java.util.Collections;
import java.util.List;

import org.equivariant4j.core.error.FieldTypeMismatchException;
import org.equivariant4j.core.field.Domain;
import org.equivariant4j.core.field.FieldType;
import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.group.Group;
import org.equivariant4j.core.group.Representation;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.PoolSpec;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.groups.CyclicGroup;
import org.equivariant4j.nn.conv.Conv;
import org.equivariant4j.nn.conv.Pool;
import org.equivariant4j.nn.norm.BatchNorm;
import org.equivariant4j.testkit.equivariance.EquivarianceAssertions;
import org.equivariant4j.equivariance.EquivarianceChecker;
import org.equivariant4j.equivariance.EquivarianceReport;
import org.junit.jupiter.api.Test;

/** Plain nn modules inside an {@link EquivariantSequential}: on the trivial group, and channelwise on trivial fields. */
class PlainLayerTest {

    private static FieldType trivialGrid(Group group, int channels) {
        return FieldType.of(Domain.grid(2), Representation.directSum(Collections.nCopies(channels, Representation.trivial(group))));
    }

    @Test
    void aPlainCnnIsASequentialOfConvAndPoolOverTheTrivialGroup() {
        CyclicGroup c1 = CyclicGroup.of(1);
        Conv conv = Conv.builder(2, 1, 4, 3).padding(1).rng(new Rng(1)).build();
        Pool pool = Pool.max(PoolSpec.of(2, 2));
        EquivariantSequential cnn = new EquivariantSequential(PlainLayer.onTrivialGroup(conv, trivialGrid(c1, 1), trivialGrid(c1, 4)),
                PlainLayer.onTrivialGroup(pool, trivialGrid(c1, 4), trivialGrid(c1, 4)));
        Tensor x = Tensors.randn(new Rng(2), 2, 1, 8, 8);
        Tensor out = cnn.forward(GeometricTensor.of(x, trivialGrid(c1, 1))).tensor();
        assertThat(out.shape()).containsExactly(2, 4, 4, 4);
        assertThat(out.sub(pool.forward(conv.forward(x))).abs().max().item()).isZero();
        assertThat(cnn.stateDict()).containsKeys("0.module.weight", "0.module.bias");
    }

    @Test
    void aPlainConvIsRefusedOverAGroupOfMoreThanOneElement() {
        CyclicGroup c4 = CyclicGroup.of(4);
        assertThatThrownBy(() -> PlainLayer.onTrivialGroup(Conv.conv2d(1, 1, 3, new Rng(1)), trivialGrid(c4, 1), trivialGrid(c4, 1)))
                .isInstanceOf(FieldTypeMismatchException.class).hasMessageContaining("over C4, not a group of one element");
        assertThatThrownBy(() -> PlainLayer.channelwise(new BatchNorm(4, 1e-5, 0.1, true, DType.FLOAT32),
                FieldType.of(Domain.grid(2), Representation.regular(c4)), trivialGrid(c4, 4)))
                .isInstanceOf(FieldTypeMismatchException.class).hasMessageContaining("is not made of trivial representations");
    }

    @Test
    void batchNormOnTrivialFieldsIsC4EquivariantAndAFalselyDeclaredSpatialConvIsCaughtByTheKit() {
        CyclicGroup c4 = CyclicGroup.of(4);
        FieldType three = trivialGrid(c4, 3);
        BatchNorm bn = new BatchNorm(3, 1e-5, 0.1, true, DType.FLOAT64);
        PlainLayer norm = PlainLayer.channelwise(bn, three, three);
        EquivarianceAssertions.assertThat(EquivarianceChecker.of(norm.toString(), three, three, norm::forward))
                .withSeed(3).isEquivariantUnder(c4.elements()).within(EXACT_IN_FLOAT64);
        // Negative control: a 3x3 convolution declared channelwise is not equivariant, and the measurement says so.
        Conv conv = Conv.builder(2, 3, 3, 3).padding(1).dtype(DType.FLOAT64).rng(new Rng(4)).build();
        PlainLayer wrong = PlainLayer.channelwise(conv, three, three);
        EquivarianceReport report = EquivarianceChecker.of(wrong.toString(), three, three, wrong::forward).seed(5)
                .measure(c4.elements(), List.of(GeometricTensor.of(Tensors.randn(new Rng(6), DType.FLOAT64, 2, 3, 6, 6), three)));
        assertThat(report.passes(EXACT_IN_FLOAT64)).as(report.describe()).isFalse();
    }
}
