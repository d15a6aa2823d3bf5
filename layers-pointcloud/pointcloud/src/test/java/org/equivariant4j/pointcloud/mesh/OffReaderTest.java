package org.equivariant4j.pointcloud.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.equivariant4j.core.error.MalformedFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OffReaderTest {
    static final String SQUARE = "OFF\n# a unit square as one quad\n4 1 0\n0 0 0\n1 0 0\n1 1 0\n0 1 0\n4 0 1 2 3\n";

    @TempDir
    Path dir;

    static TriangleMesh read(String text) {
        return OffReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)), "test.off",
                MeshLimits.DEFAULT);
    }

    @Test
    void readsAQuadAsAFanOfTwoTrianglesFromAFile() throws Exception {
        Path f = dir.resolve("square.off");
        Files.writeString(f, SQUARE);
        TriangleMesh m = OffReader.read(f);
        assertThat(m.numVertices()).isEqualTo(4);
        assertThat(m.triangles()).containsExactly(0, 1, 2, 0, 2, 3);
        assertThat(m.vertices()).containsExactly(0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0);
    }

    @Test
    void acceptsCountsOnTheHeaderLineAsSomeModelNetFilesHave() {
        assertThat(read("OFF4 1 0\n0 0 0\n1 0 0\n1 1 0\n0 1 0\n3 0 1 2\n").numTriangles()).isEqualTo(1);
        assertThat(read("OFF 3 1 0\n0 0 0\n1 0 0\n1 1 0\n3 0 1 2 255 0 0\n").numTriangles()).isEqualTo(1);
        assertThat(OffReader.toText(read(SQUARE))).startsWith("OFF\n4 2 0\n");
        assertThat(read(OffReader.toText(read(SQUARE))).triangles()).containsExactly(0, 1, 2, 0, 2, 3);
    }

    @Test
    void malformedFilesAreRefusedNamingFileLineAndFault() {
        assertRefused("PLY\n", "line 1: expected the header 'OFF' but found 'PLY'");
        assertRefused("OFF\n3 1\n0 0 0\n1 0 0\n", "ends where vertex 2 of 3 was expected");
        assertRefused("OFF\n3 1 0\n0 0 0\n1 0 x\n1 1 0\n3 0 1 2\n", "line 4: vertex 1 coordinate 'x' is not a number");
        assertRefused("OFF\n3 1 0\n0 0 0\n1 0 NaN\n1 1 0\n3 0 1 2\n", "is not finite");
        assertRefused("OFF\n3 1 0\n0 0 0\n1 0 0\n1 1 0\n3 0 1 7\n", "face 0 vertex index 7 is outside [0, 2]");
        assertRefused("OFF\n3 1 0\n0 0 0\n1 0 0\n1 1 0\n2 0 1\n", "face 0 has 2 corners");
        assertRefused("OFF\n3 1 0\n0 0 0\n1 0 0\n1 1 0\n4 0 1 2\n", "expected 4 vertex indices but found 3");
        assertRefused("OFF\n2000000000 1 0\n", "vertex count 2000000000 is outside [0, 5000000]");
        assertRefused("OFF\n-1 1 0\n", "vertex count -1 is outside");
        assertRefused("OFF\n3\n", "expected the counts");
        assertRefused("", "the file ends where the OFF header was expected");
        assertRefused("OFF\n1 0 0\n0 0 \u00ff\n", "is not ASCII text");
        assertRefused("OFF\n" + "1".repeat(70_000) + "\n", "a line longer than 65536 characters");
    }

    static void assertRefused(String text, String message) {
        assertThatThrownBy(() -> read(text)).as(text.length() > 60 ? text.substring(0, 60) : text)
                .isInstanceOf(MalformedFileException.class).hasMessageContaining("test.off").hasMessageContaining(message);
    }
}
