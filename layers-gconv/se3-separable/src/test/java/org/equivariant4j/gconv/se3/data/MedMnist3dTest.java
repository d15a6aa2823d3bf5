package org.equivariant4j.gconv.se3.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.equivariant4j.nn.data.TensorDataset;
import org.equivariant4j.nn.io.NpyArray;
import org.equivariant4j.nn.io.NpyFormatException;
import org.equivariant4j.nn.io.Npz;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MedMnist3dTest {
    @TempDir
    Path dir;

    private static NpyArray volumes(int n, int side, int seed) {
        int[] v = new int[n * side * side * side];
        for (int i = 0; i < v.length; i++) {
            v[i] = (i * 31 + seed * 17) % 256;
        }
        return NpyArray.ofUnsignedBytes(v, n, side, side, side);
    }

    private Path write(boolean compressed) {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        int[] counts = {5, 2, 3};
        String[] splits = {"train", "val", "test"};
        for (int s = 0; s < 3; s++) {
            arrays.put(splits[s] + "_images", volumes(counts[s], 4, s));
            int[] labels = new int[counts[s]];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = (i + s) % 3;
            }
            arrays.put(splits[s] + "_labels", NpyArray.ofUnsignedBytes(labels, counts[s], 1));
        }
        Path file = dir.resolve("tiny3d.npz");
        Npz.write(file, arrays, compressed);
        return file;
    }

    @Test
    void loadsEverySplitAsScaledVolumesAndClassLabels() {
        Path file = write(true);

        TensorDataset train = MedMnist3d.load(file, MedMnist3d.Split.TRAIN);
        TensorDataset test = MedMnist3d.load(file, MedMnist3d.Split.TEST);

        assertThat(train.features().shape()).containsExactly(5, 1, 4, 4, 4);
        assertThat(test.features().shape()).containsExactly(3, 1, 4, 4, 4);
        assertThat(train.labels().toLongArray()).containsExactly(0, 1, 2, 0, 1);
        assertThat(train.features().toDoubleArray()[1]).isCloseTo(31 / 255.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(MedMnist3d.classes(file)).isEqualTo(3);
    }

    @Test
    void refusesVolumesOfTheWrongRankNamingFileAndArray() {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put("train_images", NpyArray.ofUnsignedBytes(new int[8], 2, 4));
        arrays.put("train_labels", NpyArray.ofLongs(new long[2], 2));
        Path file = dir.resolve("flat.npz");
        Npz.write(file, arrays, false);

        assertThatThrownBy(() -> MedMnist3d.load(file, MedMnist3d.Split.TRAIN)).isInstanceOf(NpyFormatException.class)
                .hasMessageContaining("flat.npz").hasMessageContaining("train_images").hasMessageContaining("[N, D, H, W]")
                .hasMessageContaining("[2, 4]");
    }

    @Test
    void refusesMissingSplitsAndMismatchedLabels() {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put("train_images", volumes(2, 4, 0));
        arrays.put("train_labels", NpyArray.ofLongs(new long[3], 3));
        Path file = dir.resolve("bad.npz");
        Npz.write(file, arrays, false);

        assertThatThrownBy(() -> MedMnist3d.load(file, MedMnist3d.Split.TRAIN)).isInstanceOf(NpyFormatException.class)
                .hasMessageContaining("train_labels").hasMessageContaining("[2] or [2, 1]").hasMessageContaining("[3]");
        assertThatThrownBy(() -> MedMnist3d.load(file, MedMnist3d.Split.TEST)).isInstanceOf(NpyFormatException.class)
                .hasMessageContaining("'test_images'");
    }

    /** A file whose only split is train: 2 volumes of 4^3 with the given label array. */
    private Path withTrainLabels(String name, NpyArray labels) {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put("train_images", volumes(2, 4, 0));
        arrays.put("train_labels", labels);
        Path file = dir.resolve(name);
        Npz.write(file, arrays, false);
        return file;
    }

    @ParameterizedTest(name = "label {0}")
    @ValueSource(longs = {-1, MedMnist3d.MAX_CLASSES, 1_000_000, Integer.MAX_VALUE, Long.MIN_VALUE})
    void refusesLabelsOutsideTheStatedClassRangeNamingFileArrayAndValue(long label) {
        Path file = withTrainLabels("labels.npz", NpyArray.ofLongs(new long[] {0, label}, 2));

        assertThatThrownBy(() -> MedMnist3d.load(file, MedMnist3d.Split.TRAIN)).isInstanceOf(NpyFormatException.class)
                .hasMessageContaining("labels.npz").hasMessageContaining("'train_labels'")
                .hasMessageContaining("[0, " + MedMnist3d.MAX_CLASSES + ")").hasMessageContaining("element 1 is " + label);
    }

    @Test
    void acceptsTheLargestStatedLabelInAnyIntegerWidth() {
        Path int64 = withTrainLabels("int64.npz", NpyArray.ofLongs(new long[] {0, MedMnist3d.MAX_CLASSES - 1}, 2));
        Path int32 = withTrainLabels("int32.npz", NpyArray.ofInts(new int[] {MedMnist3d.MAX_CLASSES - 1, 3}, 2, 1));

        assertThat(MedMnist3d.load(int64, MedMnist3d.Split.TRAIN).labels().toLongArray()).containsExactly(0, 99);
        assertThat(MedMnist3d.load(int32, MedMnist3d.Split.TRAIN).labels().toLongArray()).containsExactly(99, 3);
    }

    @Test
    void refusesFloatAndBooleanLabelsNamingTheDtype() {
        Path floats = withTrainLabels("floats.npz", NpyArray.ofFloats(new float[] {0, 1.5f}, 2));
        Path booleans = withTrainLabels("bools.npz", NpyArray.ofBooleans(new boolean[] {true, false}, 2));

        assertThatThrownBy(() -> MedMnist3d.load(floats, MedMnist3d.Split.TRAIN)).isInstanceOf(NpyFormatException.class)
                .hasMessageContaining("floats.npz").hasMessageContaining("'train_labels'").hasMessageContaining("integer")
                .hasMessageContaining("f4");
        assertThatThrownBy(() -> MedMnist3d.load(booleans, MedMnist3d.Split.TRAIN)).isInstanceOf(NpyFormatException.class)
                .hasMessageContaining("bools.npz").hasMessageContaining("b1");
    }

    @Test
    void classesChecksTheLabelsOfEverySplitToo() {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        for (String split : new String[] {"train", "val", "test"}) {
            arrays.put(split + "_images", volumes(2, 4, 0));
            arrays.put(split + "_labels", NpyArray.ofLongs(new long[] {0, split.equals("test") ? 1_000_000 : 1}, 2));
        }
        Path file = dir.resolve("head.npz");
        Npz.write(file, arrays, false);

        assertThatThrownBy(() -> MedMnist3d.classes(file)).isInstanceOf(NpyFormatException.class)
                .hasMessageContaining("head.npz").hasMessageContaining("'test_labels'").hasMessageContaining("1000000");
    }

    @Test
    void refusesNonCubicVolumesNamingFileArrayAndShape() {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put("train_images", NpyArray.ofUnsignedBytes(new int[2 * 4 * 4 * 6], 2, 4, 4, 6));
        arrays.put("train_labels", NpyArray.ofLongs(new long[2], 2));
        Path file = dir.resolve("box.npz");
        Npz.write(file, arrays, false);

        assertThatThrownBy(() -> MedMnist3d.load(file, MedMnist3d.Split.TRAIN)).isInstanceOf(NpyFormatException.class)
                .hasMessageContaining("box.npz").hasMessageContaining("'train_images'").hasMessageContaining("cubic")
                .hasMessageContaining("[2, 4, 4, 6]");
    }
}
