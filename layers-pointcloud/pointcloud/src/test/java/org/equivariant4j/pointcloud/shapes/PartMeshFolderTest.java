package org.equivariant4j.pointcloud.shapes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.equivariant4j.core.error.Equivariant4jException;
import org.equivariant4j.core.error.MalformedFileException;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.pointcloud.mesh.MeshLimits;
import org.equivariant4j.pointcloud.mesh.OffReader;
import org.equivariant4j.pointcloud.mesh.SurfaceSampler;
import org.equivariant4j.pointcloud.mesh.TriangleMesh;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartMeshFolderTest {
    private static final List<String> PARTS = List.of("top", "leg", "shade");

    @TempDir
    Path dir;

    /** A table: a top at z = 1 (part "top"), two legs below it (up to z = 0.9) (both part "leg", two files). */
    private void table(Path shape) throws Exception {
        Files.createDirectories(shape);
        write(shape.resolve("top.off"), MeshPrimitives.box(2, 1, 0.1).scaledAndMoved(ONE, new double[] {0, 0, 1}));
        write(shape.resolve("leg.1.off"), MeshPrimitives.box(0.1, 0.1, 1).scaledAndMoved(ONE, new double[] {-0.9, 0, 0.4}));
        write(shape.resolve("leg.2.off"), MeshPrimitives.box(0.1, 0.1, 1).scaledAndMoved(ONE, new double[] {0.9, 0, 0.4}));
        Files.writeString(shape.resolve("notes.txt"), "ignored: not a mesh");
    }

    private static final double[] ONE = {1, 1, 1};

    private static void write(Path file, TriangleMesh mesh) throws Exception {
        Files.writeString(file, OffReader.toText(mesh));
    }

    private void layout() throws Exception {
        Files.writeString(dir.resolve(PartMeshFolder.PARTS_FILE), "# part labels\n" + String.join("\n", PARTS) + "\n");
        table(dir.resolve("table/train/t1"));
        table(dir.resolve("table/train/t2"));
        table(dir.resolve("table/test/t3"));
        Path lamp = dir.resolve("lamp/train/l1");
        Files.createDirectories(lamp);
        write(lamp.resolve("shade.off"), MeshPrimitives.cone(0.5, 0.5, 6).scaledAndMoved(ONE, new double[] {0, 0, 1}));
        write(lamp.resolve("leg.off"), MeshPrimitives.cylinder(0.05, 1, 6).scaledAndMoved(ONE, new double[] {0, 0, 0.5}));
    }

    @Test
    void everyPointCarriesThePartOfTheFileItWasSampledFrom() throws Exception {
        layout();
        PartMeshFolder.Loaded l = PartMeshFolder.load(dir, "train", 400, 0.0, 10, new Rng(1));
        assertThat(l.parts()).isEqualTo(PARTS);
        assertThat(l.classes()).containsExactly("lamp", "table");
        assertThat(l.shapes().labels()).containsExactly(0, 1, 1);
        SampledShapes s = l.shapes();
        // the table's top is the highest part and its legs lie below it: after normalising into the unit ball, every
        // "top" point is above every "leg" point
        double lowestTop = Double.MAX_VALUE;
        double highestLeg = -Double.MAX_VALUE;
        int[] count = new int[PARTS.size()];
        for (int i = 400; i < 800; i++) {
            double z = s.positions()[3 * i + 2];
            count[s.parts()[i]]++;
            if (s.parts()[i] == 0) {
                lowestTop = Math.min(lowestTop, z);
            } else {
                highestLeg = Math.max(highestLeg, z);
            }
        }
        assertThat(lowestTop).isGreaterThan(highestLeg);
        // sampled by area: the top's surface 4.6 against 2 × 0.42 for the legs, so about 85 % of the points
        assertThat(count[0] / 400.0).isBetween(0.78, 0.92);
        assertThat(count[1]).isEqualTo(400 - count[0]);
        assertThat(count[2]).isZero();
        // the lamp has only shade and leg points
        assertThat(java.util.Arrays.stream(s.parts(), 0, 400).distinct().sorted().toArray()).containsExactly(1, 2);
        assertThat(PartMeshFolder.load(dir, "train", 16, 0.0, 1, new Rng(1)).shapes().count()).isEqualTo(2);
        PartMeshFolder.Loaded test = PartMeshFolder.load(dir, "test", l.classes(), 16, 0.0, 10, new Rng(2));
        assertThat(test.shapes().labels()).containsExactly(1);
    }

    @Test
    void aBadFolderIsRefusedNamingTheFileAndWhatWasExpected() throws Exception {
        assertThatThrownBy(() -> PartMeshFolder.load(dir.resolve("missing"), "train", 16, 0.0, 10, new Rng(1)))
                .isInstanceOf(Equivariant4jException.class).hasMessageContaining("is not a directory");
        assertThatThrownBy(() -> PartMeshFolder.load(dir, "train", 16, 0.0, 10, new Rng(1)))
                .isInstanceOf(Equivariant4jException.class).hasMessageContaining("has no parts.txt")
                .hasMessageContaining("<class>/train/<shape>/<part>.off");
        layout();
        Path t1 = dir.resolve("table/train/t1");
        write(t1.resolve("drawer.off"), MeshPrimitives.box(1, 1, 1));
        assertThatThrownBy(() -> PartMeshFolder.load(dir, "train", 16, 0.0, 10, new Rng(1)))
                .isInstanceOf(MalformedFileException.class).hasMessageContaining("drawer.off")
                .hasMessageContaining("part 'drawer'").hasMessageContaining("[top, leg, shade]");
        Files.delete(t1.resolve("drawer.off"));
        Files.writeString(t1.resolve("leg.3.off"), "OFF\n3 1 0\n0 0 0\n");
        assertThatThrownBy(() -> PartMeshFolder.load(dir, "train", 16, 0.0, 10, new Rng(1)))
                .isInstanceOf(MalformedFileException.class).hasMessageContaining("leg.3.off")
                .hasMessageContaining("ends where vertex 1 of 3 was expected");
        Files.delete(t1.resolve("leg.3.off"));
        Files.createDirectories(dir.resolve("table/train/t0"));
        assertThatThrownBy(() -> PartMeshFolder.load(dir, "train", 16, 0.0, 10, new Rng(1)))
                .isInstanceOf(MalformedFileException.class).hasMessageContaining("t0: a shape folder without triangles");
        assertThatThrownBy(() -> PartMeshFolder.load(dir, "validation", 16, 0.0, 10, new Rng(1)))
                .isInstanceOf(Equivariant4jException.class).hasMessageContaining("no shape folders or .txt point files under");
        Files.writeString(dir.resolve(PartMeshFolder.PARTS_FILE), "top\nleg.front\n");
        assertThatThrownBy(() -> PartMeshFolder.load(dir, "train", 16, 0.0, 10, new Rng(1)))
                .isInstanceOf(MalformedFileException.class).hasMessageContaining("parts.txt: line 2");
    }

    @Test
    void theMeshesOfOneShapeShareOneBudget() throws Exception {
        table(dir.resolve("t"));
        // each box has 8 vertices: two fit in 20, the third does not, the three together are not
        MeshLimits tight = new MeshLimits(20, 1_000, 1_000, 8);
        assertThat(PartMeshFolder.shape(dir.resolve("t"), PARTS, new MeshLimits(100, 1_000, 1_000, 8)).numTriangles())
                .isEqualTo(3 * MeshPrimitives.box(1, 1, 1).numTriangles());
        assertThatThrownBy(() -> PartMeshFolder.shape(dir.resolve("t"), PARTS, tight))
                .isInstanceOf(MalformedFileException.class).hasMessageContaining("vertex count");
    }

    @Test
    void aShapeMayBeAFileOfLabelledPointsAsShapeNetPartHasThem() throws Exception {
        Files.writeString(dir.resolve(PartMeshFolder.PARTS_FILE), String.join("\n", PARTS) + "\n");
        Files.createDirectories(dir.resolve("lamp/train"));
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            // ten points up a pole: the lowest five "leg", the upper five "shade"; the normal says which point it is
            rows.append("0 0 ").append(i).append(" 0 0 ").append(i).append(i < 5 ? " 1\n" : " 2\n");
        }
        Files.writeString(dir.resolve("lamp/train/l1.txt"), rows.toString());
        table(dir.resolve("table/train/t1"));
        PartMeshFolder.Loaded l = PartMeshFolder.load(dir, "train", 8, 0.0, 10, new Rng(3));
        assertThat(l.shapes().labels()).containsExactly(0, 1);
        SampledShapes s = l.shapes();
        java.util.Set<Double> seen = new java.util.HashSet<>();
        for (int i = 0; i < 8; i++) {
            double which = s.normals()[3 * i + 2];
            assertThat(seen.add(which)).as("8 of 10 points chosen without repeats").isTrue();
            assertThat(s.parts()[i]).isEqualTo(which < 5 ? 1 : 2);
        }
        // more points than rows: every row once, the rest repeats
        SurfaceSampler.Sample three = new SurfaceSampler.Sample(new double[] {0, 0, 0, 1, 1, 1, 2, 2, 2},
                new double[9], new int[] {0, 1, 2});
        SurfaceSampler.Sample five = PartMeshFolder.choose(three, 5, new Rng(4));
        assertThat(java.util.Arrays.stream(five.parts()).distinct().count()).isEqualTo(3);
        Files.writeString(dir.resolve("lamp/train/l2.txt"), "0 0 0 0 0 1 7\n");
        assertThatThrownBy(() -> PartMeshFolder.load(dir, "train", 8, 0.0, 10, new Rng(3)))
                .isInstanceOf(MalformedFileException.class).hasMessageContaining("l2.txt: line 1: point 0 part label 7 is"
                        + " outside [0, 2]");
    }
}
