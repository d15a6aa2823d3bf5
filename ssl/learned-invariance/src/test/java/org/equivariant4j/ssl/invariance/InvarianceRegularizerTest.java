package org.equivariant4j.ssl.invariance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.UnaryOperator;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.gconv.regular.experiment.GroupCnn;
import org.equivariant4j.groups.CyclicGroup;
import org.equivariant4j.nn.loss.CrossEntropyLoss;
import org.equivariant4j.testkit.gradient.GradientCheck;
import org.junit.jupiter.api.Test;

class InvarianceRegularizerTest {
    private static final int SIZE = 4;
    private static final OrbitAction C4_IMAGES = OrbitAction.onFlattenedImages(CyclicGroup.of(4), SIZE);

    @Test
    void theOrbitBatchStacksTheBatchAndDistinctMovedCopies() {
        InvarianceRegularizer r = InvarianceRegularizer.of(C4_IMAGES, 3, 1.0, InvarianceRegularizer.Penalty.LOGITS);
        Tensor x = Tensors.randn(new Rng(1), DType.FLOAT64, 2, SIZE * SIZE);
        Tensor stacked = r.orbitBatch(x, new Rng(2));
        assertThat(stacked.shape()).containsExactly(8, SIZE * SIZE);
        assertThat(stacked.narrow(0, 0, 2).toDoubleArray()).isEqualTo(x.toDoubleArray());
        // m = |G| - 1: the three copies are the whole non-trivial orbit, each once.
        for (var g : C4_IMAGES.nonIdentityElements()) {
            double[] moved = C4_IMAGES.apply(g, x).toDoubleArray();
            int found = 0;
            for (int j = 1; j <= 3; j++) {
                found += java.util.Arrays.equals(stacked.narrow(0, 2 * j, 2).toDoubleArray(), moved) ? 1 : 0;
            }
            assertThat(found).as("copies equal to %s·x", g).isEqualTo(1);
        }
    }

    @Test
    void everyPenaltyIsZeroForAnInvariantModelAndPositiveForAPlainCnn() {
        GroupCnn c4 = TestModels.evaluating(new GroupCnn(CyclicGroup.of(4), 8, 2, 5, new Rng(3)));
        GroupCnn cnn = TestModels.evaluating(new GroupCnn(CyclicGroup.of(1), 8, 2, 5, new Rng(3)));
        c4.to(DType.FLOAT64);
        cnn.to(DType.FLOAT64);
        OrbitAction action = OrbitAction.onFlattenedImages(CyclicGroup.of(4), 8);
        Tensor x = Tensors.randn(new Rng(4), DType.FLOAT64, 4, 64);
        for (InvarianceRegularizer.Penalty p : InvarianceRegularizer.Penalty.values()) {
            InvarianceRegularizer r = InvarianceRegularizer.of(action, 2, 1.0, p);
            double invariant = r.penalty(c4.forward(r.orbitBatch(x, new Rng(5)))).item();
            double plain = r.penalty(cnn.forward(r.orbitBatch(x, new Rng(5)))).item();
            assertThat(invariant).as("%s of the C4 G-CNN", p).isLessThan(1e-20);
            assertThat(plain).as("%s of the CNN", p).isGreaterThan(1e-6);
        }
    }

    @Test
    void thePenaltyScalesWithItsWeight() {
        Tensor logits = Tensors.randn(new Rng(6), DType.FLOAT64, 6, 3);
        InvarianceRegularizer one = InvarianceRegularizer.of(C4_IMAGES, 2, 1.0, InvarianceRegularizer.Penalty.JENSEN_SHANNON);
        InvarianceRegularizer half = InvarianceRegularizer.of(C4_IMAGES, 2, 0.5, InvarianceRegularizer.Penalty.JENSEN_SHANNON);
        assertThat(half.penalty(logits).item()).isEqualTo(0.5 * one.penalty(logits).item());
        InvarianceRegularizer off = InvarianceRegularizer.of(C4_IMAGES, 2, 0.0, InvarianceRegularizer.Penalty.LOGITS);
        assertThat(off.penalty(logits).item()).isZero();
    }

    /** Every penalty of stacked logits, and the whole regularised loss through a linear classifier (inputs and weights). */
    @Test
    void theRegularisedLossHasCorrectGradients() {
        Tensor stacked = Tensors.randn(new Rng(6), DType.FLOAT64, 6, 3);
        for (InvarianceRegularizer.Penalty p : InvarianceRegularizer.Penalty.values()) {
            InvarianceRegularizer r = InvarianceRegularizer.of(C4_IMAGES, 2, 0.7, p);
            GradientCheck.of("penalty (" + p + ")", in -> r.penalty(in[0]), stacked).assertCorrect();
        }
        Tensor x = Tensors.randn(new Rng(7), DType.FLOAT64, 2, SIZE * SIZE);
        Tensor w = Tensors.randn(new Rng(8), DType.FLOAT64, SIZE * SIZE, 3).mul(0.5);
        Tensor labels = Tensors.of(new long[] {0, 2}, 2);
        InvarianceRegularizer r = InvarianceRegularizer.of(C4_IMAGES, 2, 0.7, InvarianceRegularizer.Penalty.LOGITS);
        GradientCheck.of("regularised loss", in -> {
            UnaryOperator<Tensor> model = z -> z.matmul(in[1]);
            return r.loss(model, in[0], labels, new CrossEntropyLoss(), new Rng(9));
        }, x, w).assertCorrect();
    }

    @Test
    void refusesBadSettings() {
        assertThatThrownBy(() -> InvarianceRegularizer.of(C4_IMAGES, 4, 1.0, InvarianceRegularizer.Penalty.LOGITS))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("[1, 3]");
        assertThatThrownBy(() -> InvarianceRegularizer.of(C4_IMAGES, 1, -1.0, InvarianceRegularizer.Penalty.LOGITS))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("λ");
        InvarianceRegularizer r = InvarianceRegularizer.of(C4_IMAGES, 2, 1.0, InvarianceRegularizer.Penalty.LOGITS);
        assertThatThrownBy(() -> r.penalty(Tensors.zeros(DType.FLOAT64, 4, 3)))
                .hasMessageContaining("orbit batch");
    }
}
