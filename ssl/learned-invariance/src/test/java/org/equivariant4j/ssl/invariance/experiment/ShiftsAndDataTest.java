package org.equivariant4j.ssl.invariance.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.equivariant4j.core.error.InvalidOptionException;
import org.equivariant4j.core.experiment.ExperimentConfig;
import org.equivariant4j.core.experiment.ExperimentRun;
import org.equivariant4j.core.experiment.StepListener;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.groups.DihedralGroup;
import org.equivariant4j.ssl.invariance.OrbitAction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shifts commute with the square's symmetries, the unseen shapes are what they say, and MNIST IDX loads. */
class ShiftsAndDataTest {
    private static final int SIZE = 8;

    @TempDir
    Path scratch;

    @Test
    void blurAndContrastCommuteWithEveryElementOfD4() {
        OrbitAction d4 = OrbitAction.onFlattenedImages(DihedralGroup.of(4), SIZE);
        Tensor x = Tensors.randn(new Rng(1), DType.FLOAT64, 3, SIZE * SIZE);
        for (InputShift shift : new InputShift[] {InputShift.BLUR, InputShift.CONTRAST}) {
            for (var g : d4.elements()) {
                double[] a = shift.apply(d4.apply(g, x), SIZE, 2, null).toDoubleArray();
                double[] b = d4.apply(g, shift.apply(x, SIZE, 2, null)).toDoubleArray();
                assertThat(a).as("%s then %s", g, shift).containsExactly(b, within(1e-12));
            }
        }
    }

    @Test
    void blurKeepsTheMassOfAnInteriorPointAndNoiseHasItsDeviation() {
        double[] point = new double[SIZE * SIZE];
        point[3 * SIZE + 4] = 1;
        Tensor blurred = InputShift.BLUR.apply(Tensors.of(point, DType.FLOAT64, 1, SIZE * SIZE), SIZE, 1, null);
        assertThat(blurred.sum().item()).isCloseTo(1.0, within(1e-12));
        assertThat(blurred.toDoubleArray()[3 * SIZE + 4]).isCloseTo(36.0 / 256, within(1e-12));
        Tensor zeros = Tensors.zeros(DType.FLOAT64, 200, SIZE * SIZE);
        Tensor noisy = InputShift.NOISE.apply(zeros, SIZE, 0.5, new Rng(2));
        assertThat(Math.sqrt(noisy.pow(2).mean().item())).isCloseTo(0.5, within(0.01));
    }

    @Test
    void unseenShapesAreReproducibleConnectedBlobs() {
        Tensor a = RandomBlobs.generate(20, 16, 2, 0.0, new Rng(3));
        assertThat(a.toFloatArray()).isEqualTo(RandomBlobs.generate(20, 16, 2, 0.0, new Rng(3)).toFloatArray());
        float[] v = a.toFloatArray();
        for (int i = 0; i < 20; i++) {
            int on = 0;
            for (int p = 0; p < 256; p++) {
                on += v[i * 256 + p] != 0 ? 1 : 0;
            }
            assertThat(on).as("pixels of blob %d: 3 to 9 cells of 4", i).isBetween(12, 36).matches(n -> n % 4 == 0);
        }
    }

    @Test
    void mnistIdxFilesAreReadThroughTheDataOption() throws IOException {
        writeIdx("train", 24);
        writeIdx("t10k", 12);
        LearnedInvarianceExperiment e = new LearnedInvarianceExperiment();
        ExperimentRun run = e.start(ExperimentConfig.resolve(e, Map.of("data", scratch.toString(), "models", "c4",
                "c4-fields", "1", "batch-size", "8", "metric-size", "6", "figure", scratch.resolve("f.png").toString())));
        assertThat(run.data().name()).contains("MNIST IDX");
        assertThat(run.data().splits()).containsEntry("train", 24).containsEntry("test", 12);
        assertThat(run.trainEpoch(0, StepListener.NONE, () -> false).steps()).isEqualTo(3);
        assertThat(run.evaluate()).containsKeys("test_acc.c4", "orbit_acc.c4");
        assertThat(run.results().rows()).hasSize(1);
        assertThat(scratch.resolve("f.png")).exists();
    }

    @Test
    void refusesAMissingIdxFileAndAnUnknownModel() {
        LearnedInvarianceExperiment e = new LearnedInvarianceExperiment();
        assertThatThrownBy(() -> e.start(ExperimentConfig.resolve(e, Map.of("data", scratch.toString()))))
                .isInstanceOf(InvalidOptionException.class).hasMessageContaining("train-images-idx3-ubyte");
        assertThatThrownBy(() -> e.start(ExperimentConfig.resolve(e, Map.of("models", "cnn,resnet"))))
                .isInstanceOf(InvalidOptionException.class).hasMessageContaining("unknown: [resnet]");
    }

    /** An idx3 file of n random 8x8 images and an idx1 file of labels 0..9. */
    private void writeIdx(String prefix, int n) throws IOException {
        Rng rng = new Rng(prefix.length());
        ByteArrayOutputStream images = new ByteArrayOutputStream();
        header(images, 0x0803, n, SIZE, SIZE);
        for (int i = 0; i < n * SIZE * SIZE; i++) {
            images.write(rng.nextInt(256));
        }
        ByteArrayOutputStream labels = new ByteArrayOutputStream();
        header(labels, 0x0801, n);
        for (int i = 0; i < n; i++) {
            labels.write(i % 10);
        }
        Files.write(scratch.resolve(prefix + "-images-idx3-ubyte"), images.toByteArray());
        Files.write(scratch.resolve(prefix + "-labels-idx1-ubyte"), labels.toByteArray());
    }

    private static void header(ByteArrayOutputStream out, int magic, int... dims) {
        writeInt(out, magic);
        for (int d : dims) {
            writeInt(out, d);
        }
    }

    private static void writeInt(ByteArrayOutputStream out, int v) {
        out.write(v >>> 24);
        out.write(v >>> 16 & 0xff);
        out.write(v >>> 8 & 0xff);
        out.write(v & 0xff);
    }
}
