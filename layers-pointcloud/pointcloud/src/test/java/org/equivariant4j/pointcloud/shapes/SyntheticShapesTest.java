package org.equivariant4j.pointcloud.shapes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.equivariant4j.core.error.Equivariant4jException;
import org.equivariant4j.core.error.MalformedFileException;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.pointcloud.mesh.OffReader;
import org.equivariant4j.pointcloud.mesh.SurfaceSampler;
import org.equivariant4j.pointcloud.mesh.TriangleMesh;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticShapesTest {
    @TempDir
    Path dir;

    @Test
    void primitivesHaveOutwardNormals() {
        for (TriangleMesh m : new TriangleMesh[] {MeshPrimitives.box(1, 2, 3), MeshPrimitives.sphere(1, 6),
                MeshPrimitives.cylinder(0.5, 2, 6), MeshPrimitives.cone(1, 1, 6)}) {
            SurfaceSampler.Sample s = SurfaceSampler.sample(m, 500, new Rng(1));
            int outward = 0;
            for (int i = 0; i < 500; i++) {
                double d = 0;
                for (int a = 0; a < 3; a++) {
                    d += s.positions()[3 * i + a] * s.normals()[3 * i + a];
                }
                outward += d > 0 ? 1 : 0;
            }
            assertThat(outward).as("%s: points whose normal points away from the centre", m).isEqualTo(500);
        }
    }

    @Test
    void twelveClassesAreGeneratedReproduciblyInTheUnitBall() {
        SampledShapes a = SyntheticShapes.classification(24, 64, 0.01, new Rng(5));
        SampledShapes b = SyntheticShapes.classification(24, 64, 0.01, new Rng(5));
        assertThat(a.positions()).containsExactly(b.positions());
        assertThat(a.labels()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        assertThat(a.features(org.equivariant4j.core.tensor.DType.FLOAT32).shape()).containsExactly(24, 64, 6);
        for (double v : a.positions()) {
            assertThat(Math.abs(v)).isLessThan(1.1);
        }
        assertThat(SyntheticShapes.CLASSES).hasSize(12);
        assertThatThrownBy(() -> SyntheticShapes.mesh(12, new Rng(1))).isInstanceOf(Equivariant4jException.class)
                .hasMessageContaining("no class 12");
    }

    @Test
    void partShapesLabelEveryPointWithItsRole() {
        SampledShapes s = SyntheticShapes.parts(10, 200, 0.0, new Rng(6));
        assertThat(s.parts()).hasSize(2000);
        // the table (cloud 0) has slab and support points only; the snowman (cloud 4) round and head
        assertThat(java.util.Arrays.stream(s.parts(), 0, 200).distinct().sorted().toArray()).containsExactly(0, 1);
        assertThat(java.util.Arrays.stream(s.parts(), 800, 1000).distinct().sorted().toArray()).containsExactly(2, 3);
        // a composite split into its parts and merged again has the same triangles, each with its part
        TriangleMesh table = SyntheticShapes.mesh(SyntheticShapes.CLASSES.indexOf("table"), new Rng(7));
        TriangleMesh slab = table.onlyPart(0);
        TriangleMesh legs = table.onlyPart(1);
        assertThat(slab.numTriangles()).isEqualTo(12);
        assertThat(slab.numTriangles() + legs.numTriangles()).isEqualTo(table.numTriangles());
        assertThat(legs.parts()).containsOnly(1);
        assertThat(table.onlyPart(3).numTriangles()).isZero();
    }

    @Test
    void aModelNetStyleFolderIsLoadedAndABadFileNamed() throws Exception {
        for (String c : new String[] {"cone", "cube"}) {
            Files.createDirectories(dir.resolve(c).resolve("train"));
        }
        Files.writeString(dir.resolve("cone/train/cone_0001.off"), OffReader.toText(MeshPrimitives.cone(1, 1, 4)));
        Files.writeString(dir.resolve("cube/train/cube_0001.off"), OffReader.toText(MeshPrimitives.box(1, 1, 1)));
        Files.writeString(dir.resolve("cube/train/cube_0002.off"), OffReader.toText(MeshPrimitives.box(1, 2, 1)));
        MeshFolder.Loaded l = MeshFolder.load(dir, "train", 32, 0.0, 10, new Rng(2));
        assertThat(l.classes()).containsExactly("cone", "cube");
        assertThat(l.shapes().labels()).containsExactly(0, 1, 1);
        assertThat(MeshFolder.load(dir, "train", 32, 0.0, 1, new Rng(2)).shapes().count()).isEqualTo(2);
        Files.writeString(dir.resolve("cube/train/cube_0003.off"), "OFF\n3 1 0\n0 0 0\n");
        assertThatThrownBy(() -> MeshFolder.load(dir, "train", 32, 0.0, 10, new Rng(2)))
                .isInstanceOf(MalformedFileException.class).hasMessageContaining("cube_0003.off");
        assertThatThrownBy(() -> MeshFolder.load(dir.resolve("missing"), "train", 32, 0.0, 10, new Rng(2)))
                .isInstanceOf(Equivariant4jException.class).hasMessageContaining("is not a directory");
    }
}
