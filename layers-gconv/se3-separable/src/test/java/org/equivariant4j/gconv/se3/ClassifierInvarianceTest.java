package org.equivariant4j.gconv.se3;

import static org.assertj.core.api.Assertions.assertThat;

import org.equivariant4j.core.module.UnaryModule;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.GradMode;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.groups.FiniteRotationGroup;
import org.equivariant4j.gconv.se3.data.CubeRotations;
import org.equivariant4j.gconv.se3.model.GroupLayerKind;
import org.equivariant4j.gconv.se3.model.RegularGcnnClassifier;
import org.equivariant4j.gconv.se3.model.SE3Classifier;
import org.junit.jupiter.api.Test;

/** The whole classifier on the octahedral grid: logits do not change when the volume is turned by a cube rotation. */
class ClassifierInvarianceTest {

    @Test
    void octahedralClassifierLogitsAreInvariantToCubeRotations() {
        for (GroupLayerKind kind : GroupLayerKind.values()) {
            assertInvariant(new SE3Classifier(RotationGrid.octahedral(), kind, new int[] {2, 3, 3}, 3, 5,
                    SE3GlobalPooling.Mode.MAX, new Rng(1)), kind.name());
        }
    }

    @Test
    void regularOctahedralClassifierLogitsAreInvariantToCubeRotations() {
        for (boolean max : new boolean[] {false, true}) {
            assertInvariant(new RegularGcnnClassifier(FiniteRotationGroup.octahedral(), new int[] {1, 2, 2}, 3, 5, max,
                    new Rng(1)), "regular, max pooling " + max);
        }
    }

    private static void assertInvariant(UnaryModule model, String label) {
        model.to(DType.FLOAT64);
        model.eval();
        Tensor x = Tensors.randn(new Rng(2), DType.FLOAT64, 3, 1, 8, 8, 8);
        Tensor turned = new CubeRotations(8).rotateEachRandomly(x, new Rng(3));
        try (GradMode.Scope ignored = GradMode.disabled()) {
            Tensor a = model.forward(x);
            Tensor b = model.forward(turned);
            assertThat(a.sub(b).abs().max().item()).as(label).isLessThan(1e-10);
            assertThat(a.abs().max().item()).as(label).isGreaterThan(1e-3);
        }
    }
}
