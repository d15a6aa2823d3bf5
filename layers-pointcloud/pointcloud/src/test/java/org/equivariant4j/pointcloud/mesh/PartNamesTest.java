package org.equivariant4j.pointcloud.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.equivariant4j.core.error.MalformedFileException;
import org.junit.jupiter.api.Test;

class PartNamesTest {

    static List<String> read(String text) {
        return PartNames.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)), "parts.txt");
    }

    @Test
    void namesInLineOrderWithCommentsAndBlankLinesSkipped() {
        assertThat(read("# ShapeNet-style chair parts\nback\n\nseat   # the slab\nleg\narm_rest\nfront-leg\n"))
                .containsExactly("back", "seat", "leg", "arm_rest", "front-leg");
    }

    @Test
    void malformedListsAreRefusedNamingFileLineAndFault() {
        assertRefused("seat\nchair leg\n", "line 2: expected one part name but found 2 words");
        assertRefused("seat\nleg.1\n", "line 2: part name 'leg.1' is not 1 to 64 letters, digits, '_' or '-'");
        assertRefused("seat\n" + "x".repeat(65) + "\n", "is not 1 to 64 letters");
        assertRefused("seat\nleg\nseat\n", "line 3: part name 'seat' is declared twice");
        assertRefused("# nothing\n\n", "declares no part names");
        assertRefused("", "declares no part names");
        assertRefused("seat\nl\u00e9g\n", "line 2: byte 0xe9 is not ASCII text");
        assertRefused("seat\0\n", "is not ASCII text");
        assertRefused("x".repeat(2000), "a line longer than 1024 characters");
        StringBuilder many = new StringBuilder();
        for (int i = 0; i <= PartNames.MAX_PARTS; i++) {
            many.append('p').append(i).append('\n');
        }
        assertRefused(many.toString(), "line 1025: more than 1024 part names");
    }

    static void assertRefused(String text, String message) {
        assertThatThrownBy(() -> read(text)).as(text.length() > 60 ? text.substring(0, 60) : text)
                .isInstanceOf(MalformedFileException.class).hasMessageContaining("parts.txt").hasMessageContaining(message);
    }
}
