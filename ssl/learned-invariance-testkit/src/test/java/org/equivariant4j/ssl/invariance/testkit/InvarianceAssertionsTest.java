package org.equivariant4j.ssl.invariance.testkit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.equivariant4j.ssl.invariance.testkit.InvarianceAssertions.assertThat;

import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.gconv.regular.experiment.GroupCnn;
import org.equivariant4j.groups.CyclicGroup;
import org.equivariant4j.groups.DihedralGroup;
import org.equivariant4j.ssl.invariance.InvarianceChecker;
import org.equivariant4j.ssl.invariance.InvarianceReport;
import org.equivariant4j.ssl.invariance.InvarianceTolerance;
import org.equivariant4j.ssl.invariance.OrbitAction;
import org.junit.jupiter.api.Test;

/** The assertions pass a model invariant by construction and fail, with a message that says why, one that is not. */
class InvarianceAssertionsTest {
    private static final int SIZE = 8;

    private static Tensor images(DType dtype) {
        return Tensors.randn(new Rng(11), DType.FLOAT64, 6, SIZE * SIZE).to(dtype);
    }

    private static GroupCnn net(org.equivariant4j.core.group.FiniteGroup group) {
        GroupCnn net = new GroupCnn(group, SIZE, 2, 4, new Rng(12));
        net.eval();
        return net;
    }

    @Test
    void aGroupCnnPassesInBothDTypes() {
        GroupCnn c4 = net(CyclicGroup.of(4));
        OrbitAction action = OrbitAction.onFlattenedImages(CyclicGroup.of(4), SIZE);
        assertThat(InvarianceChecker.of("C4 G-CNN", c4, c4::forward, action)).isInvariantOn(images(DType.FLOAT32))
                .hasMeanAgreementAtLeast(1.0);
        c4.to(DType.FLOAT64);
        assertThat(InvarianceChecker.of("C4 G-CNN", c4, c4::forward, action)).isInvariantOn(images(DType.FLOAT64));
        GroupCnn d4 = net(DihedralGroup.of(4));
        assertThat(InvarianceChecker.of("D4 G-CNN", d4, d4::forward, OrbitAction.onFlattenedImages(DihedralGroup.of(4), SIZE)))
                .isInvariantOn(images(DType.FLOAT32));
    }

    /** A C4 G-CNN is not invariant under reflections: checked under D4 it fails, naming an element and the bound. */
    @Test
    void aModelNotInvariantUnderTheGroupFailsNamingTheElementAndTheBound() {
        GroupCnn c4 = net(CyclicGroup.of(4));
        OrbitAction d4 = OrbitAction.onFlattenedImages(DihedralGroup.of(4), SIZE);
        assertThatThrownBy(() -> assertThat(InvarianceChecker.of("C4 G-CNN", c4, c4::forward, d4)).isInvariantOn(images(DType.FLOAT32)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("expected f(g·x) ≈ f(x) for g = D4")
                .hasMessageContaining("logit distance <= 0.000100")
                .hasMessageContaining("4 of 8 elements fail")
                .hasMessageContaining("C4 G-CNN under D4");
        GroupCnn cnn = net(CyclicGroup.of(1));
        OrbitAction c4Images = OrbitAction.onFlattenedImages(CyclicGroup.of(4), SIZE);
        assertThatThrownBy(() -> assertThat(InvarianceChecker.of("CNN", cnn, cnn::forward, c4Images)).isInvariantOn(images(DType.FLOAT32)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("3 of 4 elements fail");
    }

    @Test
    void summaryBoundsPassAndFail() {
        GroupCnn cnn = net(CyclicGroup.of(1));
        OrbitAction action = OrbitAction.onFlattenedImages(CyclicGroup.of(4), SIZE);
        InvarianceReport report = InvarianceChecker.of("CNN", cnn, cnn::forward, action).measure(images(DType.FLOAT32));
        assertThat(report).hasMeanLogitDistanceAtMost(10).hasMeanJsAtMost(Math.log(2)).hasMeanSaliencySimilarityAtLeast(-1);
        assertThatThrownBy(() -> assertThat(report).hasMeanLogitDistanceAtMost(1e-3))
                .hasMessageContaining("expected mean logit distance <= 0.001000 but was");
        assertThatThrownBy(() -> assertThat(report).hasMeanSaliencySimilarityAtLeast(0.99))
                .hasMessageContaining("expected mean saliency similarity >= 0.9900 but was");
        assertThatThrownBy(() -> assertThat(report).isWithin(new InvarianceTolerance(1, 1e-3, 1)))
                .hasMessageContaining("for g = C4[r");
    }
}
