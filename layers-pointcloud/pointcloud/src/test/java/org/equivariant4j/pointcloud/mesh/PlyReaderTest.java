package org.equivariant4j.pointcloud.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.equivariant4j.core.error.MalformedFileException;
import org.junit.jupiter.api.Test;

class PlyReaderTest {
    static final String SQUARE = """
            ply
            format ascii 1.0
            comment a unit square
            element vertex 4
            property float x
            property float y
            property float z
            property uchar red
            element face 1
            property list uchar int vertex_indices
            element edge 1
            property int vertex1
            property int vertex2
            end_header
            0 0 0 9
            1 0 0 9
            1 1 0 9
            0 1 0 9
            4 0 1 2 3
            0 1
            """;

    static TriangleMesh read(String text) {
        return PlyReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)), "test.ply",
                MeshLimits.DEFAULT);
    }

    @Test
    void readsVerticesAndFacesSkippingOtherPropertiesAndElements() {
        TriangleMesh m = read(SQUARE);
        assertThat(m.vertices()).containsExactly(0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0);
        assertThat(m.triangles()).containsExactly(0, 1, 2, 0, 2, 3);
    }

    @Test
    void refusesBinaryAndMalformedFiles() {
        assertRefused(SQUARE.replace("ascii", "binary_little_endian"), "only ASCII PLY is supported");
        assertRefused(SQUARE.replace("property float y\n", ""), "needs properties x, y and z");
        assertRefused(SQUARE.replace("4 0 1 2 3", "4 0 1 2 9"), "vertex index 9 is outside [0, 3]");
        assertRefused(SQUARE.replace("element vertex 4", "element vertex 99999999999"), "outside");
        assertRefused(SQUARE.replace("end_header\n", ""), "expected");
        assertRefused("plx\n", "expected the header 'ply'");
    }

    private static void assertRefused(String text, String message) {
        assertThatThrownBy(() -> read(text)).isInstanceOf(MalformedFileException.class).hasMessageContaining("test.ply")
                .hasMessageContaining(message);
    }
}
