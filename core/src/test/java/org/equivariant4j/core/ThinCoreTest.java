package org.equivariant4j.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * core must stay thin: a third-party plugin compiles against it alone and pulls in no native
 * engine and no injector. Checked two ways: the compile class path Maven resolved for core, and
 * the constant pools of core's own classes (a reference to ND4J or Guice would show there).
 */
class ThinCoreTest {
    private static final List<String> FORBIDDEN = List.of("nd4j", "bytedeco", "com/google/inject", "com.google.inject", "guice");

    @Test
    void compileClassPathHasNoNd4jOrGuice() throws IOException {
        Path listing = Path.of("target", "compile-classpath.txt");
        assertThat(listing).as("written by maven-dependency-plugin in generate-test-resources").exists();
        String classPath = Files.readString(listing).toLowerCase();
        for (String f : FORBIDDEN) {
            assertThat(classPath).as("core's compile class path").doesNotContain(f);
        }
    }

    @Test
    void coreClassesReferenceNeitherNd4jNorGuice() throws IOException {
        Path classes = Path.of("target", "classes");
        try (Stream<Path> files = Files.walk(classes)) {
            List<Path> classFiles = files.filter(p -> p.toString().endsWith(".class")).toList();
            assertThat(classFiles).isNotEmpty();
            for (Path p : classFiles) {
                String constants = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
                for (String f : List.of("org/nd4j", "org/bytedeco", "com/google/inject")) {
                    assertThat(constants).as("constant pool of %s", p).doesNotContain(f);
                }
            }
        }
    }
}
