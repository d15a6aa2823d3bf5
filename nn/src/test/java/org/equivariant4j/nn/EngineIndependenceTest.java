package org.equivariant4j.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** nn is written against core's Tensor API only: no main source file may import an engine. */
class EngineIndependenceTest {

    @Test
    void mainSourcesImportNoEngine() throws IOException {
        Path main = Path.of("src/main/java");
        assertThat(main).isDirectory();
        try (Stream<Path> files = Files.walk(main)) {
            List<String> offenders = files.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    String text = Files.readString(p);
                    return text.contains("org.nd4j") || text.contains("org.bytedeco") || text.contains("equivariant4j.backend");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(Path::toString).collect(Collectors.toList());
            assertThat(offenders).as("nn main sources that reference an engine").isEmpty();
        }
    }
}
