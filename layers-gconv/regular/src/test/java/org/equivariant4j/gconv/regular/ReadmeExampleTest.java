package org.equivariant4j.gconv.regular;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.groups.DihedralGroup;
import org.junit.jupiter.api.Test;

/** The README's example runs as written, and the README still shows it. */
class ReadmeExampleTest {

    @Test
    void theExampleRuns() throws Exception {
        Tensor images = Tensors.randn(new Rng(1), 2, 1, 12, 12);
        DihedralGroup d4 = DihedralGroup.of(4);
        Rng rng = new Rng(7);
        LiftingConv2d lift = new LiftingConv2d(d4, 1, 8, 5, rng);     // [N, 1, H, W] -> [N, 8·8, H, W]
        GroupConv2d conv = new GroupConv2d(d4, 8, 8, 3, rng);          // [N, 64, H, W] -> [N, 64, H, W]
        Tensor y = conv.forward(lift.forward(images).relu());          // plain tensors, shapes checked, errors name the layer
        GeometricTensor f = lift.forward(GeometricTensor.of(images, lift.inType()));  // or typed fields

        assertThat(y.shape()).containsExactly(2, 64, 12, 12);
        assertThat(f.type()).isEqualTo(lift.outType());
        String readme = Files.readString(Path.of("README.md"));
        assertThat(readme).contains("LiftingConv2d lift = new LiftingConv2d(d4, 1, 8, 5, rng);")
                .contains("Tensor y = conv.forward(lift.forward(images).relu());");
    }
}
