package org.equivariant4j.pointcloud.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.equivariant4j.core.error.MalformedFileException;
import org.junit.jupiter.api.Test;

class PartPointsReaderTest {
    /** Three points in the rows of ShapeNet-part's normal-resampled files (a label written as an integer or a decimal). */
    static final String THREE = "0.01633 0.04211 -0.2173 -0.1219 -0.9893 -0.0796 0\n"
            + "-0.1152 0.01532 0.1016 0.0 1.0 0.0 2.000000\n" + "0.3337 -0.00791 -0.03412 0.5012 0.0 0.8653 1\n";

    static SurfaceSampler.Sample read(String text, int parts, int max) {
        return PartPointsReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)), "points.txt", parts,
                max);
    }

    @Test
    void readsPositionsNormalsAndLabelsInRowOrder() {
        SurfaceSampler.Sample s = read(THREE, 4, 100);
        assertThat(s.size()).isEqualTo(3);
        assertThat(s.positions()).containsExactly(0.01633, 0.04211, -0.2173, -0.1152, 0.01532, 0.1016, 0.3337, -0.00791,
                -0.03412);
        assertThat(s.normals()).startsWith(-0.1219, -0.9893, -0.0796, 0.0, 1.0, 0.0);
        assertThat(s.parts()).containsExactly(0, 2, 1);
    }

    @Test
    void malformedFilesAreRefusedNamingFileLineAndFault() {
        assertRefused(THREE, 2, 100, "line 2: point 1 part label 2 is outside [0, 1]");
        assertRefused(THREE, 4, 2, "line 3: more than 2 points");
        assertRefused("0 0 0 0 0 1\n", 4, 100, "line 1: point 0: expected 'x y z nx ny nz label' but found 6 value(s)");
        assertRefused("0 0 x 0 0 1 0\n", 4, 100, "line 1: point 0 coordinate 'x' is not a number");
        assertRefused("0 0 0 0 NaN 1 0\n", 4, 100, "point 0 normal component 'NaN' is not finite");
        assertRefused("0 0 0 0 0 1 1.5\n", 4, 100, "point 0 part label '1.5' is not a whole number");
        assertRefused("0 0 0 0 0 1 x\n", 4, 100, "point 0 part label 'x' is not an integer");
        assertRefused("0 0 0 0 0 1 9e99\n", 4, 100, "point 0 part label");
        assertRefused("0 0 0 0 0 1 -1\n", 4, 100, "point 0 part label -1 is outside [0, 3]");
        assertRefused("", 4, 100, "no points");
        assertRefused("0 0 0 0 0 1 \u00ff\n", 4, 100, "is not ASCII text");
        assertRefused("0 ".repeat(600), 4, 100, "a line longer than 1024 characters");
    }

    static void assertRefused(String text, int parts, int max, String message) {
        assertThatThrownBy(() -> read(text, parts, max)).as(text.length() > 60 ? text.substring(0, 60) : text)
                .isInstanceOf(MalformedFileException.class).hasMessageContaining("points.txt").hasMessageContaining(message);
    }
}
